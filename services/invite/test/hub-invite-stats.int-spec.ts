import { ERROR_CODES, HUB_INVITE_STATS_PATTERNS, REGISTRATION_LINK_PATTERNS } from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { InviteFixture, World } from './invite-fixture';

describe("the console's Hub counts (invite.hub-stats.list)", () => {
  const f = new InviteFixture();
  let acme: World;
  let globex: World;

  beforeAll(async () => {
    await f.start();
    acme = await f.world('Ada Acme');
    globex = await f.world('Gil Globex');
  });
  afterAll(() => f.stop());

  const stats = (world: World, hubIds: string[], actor = world.admin) =>
    f.call(HUB_INVITE_STATS_PATTERNS.LIST, { actor, tenancyId: world.tenancy.id, hubIds });

  it('counts the live pending invites and reads the link state of exactly the Hubs asked for', async () => {
    const quiet = await f.hubIn(acme.tenancy, acme.admin);
    await f.invited(acme.admin, acme.hub.id);
    await f.invited(acme.admin, acme.hub.id);
    const { invite: expired } = await f.invited(acme.admin, acme.hub.id);
    await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    await f.call(REGISTRATION_LINK_PATTERNS.UPDATE, { actor: acme.admin, hubId: acme.hub.id, enabled: true });

    expect((await stats(acme, [acme.hub.id, quiet.id])).items).toEqual([
      { hubId: acme.hub.id, pendingInviteCount: 2, registrationLinkEnabled: true },
      { hubId: quiet.id, pendingInviteCount: 0, registrationLinkEnabled: false },
    ]);
  });

  it("counts nothing of another tenancy's Hub, and refuses someone who does not run the tenancy", async () => {
    await f.invited(globex.admin, globex.hub.id);
    expect((await stats(acme, [globex.hub.id])).items).toEqual([
      { hubId: globex.hub.id, pendingInviteCount: 0, registrationLinkEnabled: false },
    ]);
    await expect(stats(acme, [acme.hub.id], globex.admin)).rejects.toMatchObject({
      code: ERROR_CODES.TENANCY_NOT_FOUND,
    });
  });
});
