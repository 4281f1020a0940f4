import {
  HUB_EVENTS,
  INVITE_EVENTS,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  MembersAddedPayload,
} from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { InviteBatch, InviteBatchDecider } from '../src/invites/decide/invite-batch.decider';
import { INVITE_CHUNK_SIZE } from '../src/invites/invites.constants';
import { InviteFixture, World } from './invite-fixture';

/**
 * The one decision function the mass invite will call with thousands of rows: chunks of 1,000, one
 * account look-up, one hub.member.add-bulk and one event per kind per chunk, never one per row.
 */
describe('the invite decision for a batch (InviteBatchDecider)', () => {
  const f = new InviteFixture();
  let world: World;
  let decider: InviteBatchDecider;

  beforeAll(async () => {
    await f.start();
    world = await f.world();
    decider = f.app.get(InviteBatchDecider);
  });
  afterAll(() => f.stop());

  it('decides 2,500 addresses in chunks: registered ones added, the others invited, each once', async () => {
    const run = randomUUID().slice(0, 8);
    const registered = Array.from({ length: 1200 }, (_, i) => `member-${i}.${run}@example.com`);
    const unregistered = Array.from({ length: 1300 }, (_, i) => `newcomer-${i}.${run}@example.com`);
    await queryTestDb(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(), email, 'Member ' || email, 'not-a-hash', now() FROM unnest($1::text[]) AS t(email)`,
      [registered],
    );
    // Interleaved, so that every chunk holds both kinds; one address twice.
    const emails = registered.flatMap((email, i) => [email, unregistered[i]]).concat(unregistered.slice(1200));
    emails.push(unregistered[0]);
    const batch: InviteBatch = {
      hub: { id: world.hub.id, name: world.hub.name, tenancyId: world.tenancy.id },
      inviter: { accountId: world.admin.accountId, name: world.admin.displayName },
      userType: 'EXTERNAL_MEMBER',
      expiryDays: 14,
      emails,
      resend: 'none',
    };

    const first = await decider.decide(batch);
    expect(first.counts).toEqual({ added: 1200, invited: 1300, already_member: 0 });
    expect(first.decisions).toHaveLength(2500);
    const [{ members }] = await queryTestDb<{ members: string }>(
      `SELECT count(*) AS members FROM hub.memberships WHERE hub_id = $1 AND user_type = 'EXTERNAL_MEMBER'`,
      [world.hub.id],
    );
    expect(Number(members)).toBe(1200);
    const [{ pending }] = await queryTestDb<{ pending: string }>(
      `SELECT count(*) AS pending FROM invite.invites WHERE hub_id = $1 AND status = 'pending'`,
      [world.hub.id],
    );
    expect(Number(pending)).toBe(1300);

    await f.flushInviteEvents();
    const created = eventsOfHub<InvitesIssuedPayload>(INVITE_EVENTS.CREATED);
    const notices = eventsOfHub<MembersAddedNoticePayload>(INVITE_EVENTS.MEMBER_ADDED);
    const chunks = Math.ceil(2500 / INVITE_CHUNK_SIZE);
    expect(created).toHaveLength(chunks);
    expect(created.flatMap((e) => e.payload.invites.map((i) => i.email)).sort()).toEqual([...unregistered].sort());
    expect(notices).toHaveLength(chunks);
    expect(notices.flatMap((e) => e.payload.members.map((m) => m.email)).sort()).toEqual([...registered].sort());
    // One hub.member.add-bulk per chunk (the hub announces each call that added someone).
    const hubAdds = f.spy
      .named<MembersAddedPayload>(HUB_EVENTS.MEMBERS_ADDED)
      .filter((e) => e.payload.hubId === world.hub.id && e.payload.userType === 'EXTERNAL_MEMBER');
    expect(hubAdds).toHaveLength(chunks);
    // The notice travels in the hub's own event, recorded with the memberships (and is sent from there).
    for (const add of hubAdds)
      expect(add.payload.notice).toEqual({
        addedByName: expect.any(String),
        signInUrl: expect.stringMatching(/^https?:\/\//),
      });
    for (const notice of notices) expect(notice.payload.noticeByHub).toBe(true);

    // The same batch again (a re-uploaded file): nothing new happens, nothing is sent.
    const again = await decider.decide(batch);
    expect(again.counts).toEqual({ added: 0, invited: 1300, already_member: 1200 });
    expect(again.decisions.filter((d) => d.outcome === 'invited' && d.emailSent)).toHaveLength(0);
    await f.flushInviteEvents();
    expect(eventsOfHub(INVITE_EVENTS.CREATED)).toHaveLength(chunks);
    expect(eventsOfHub(INVITE_EVENTS.MEMBER_ADDED)).toHaveLength(chunks);
  });

  function eventsOfHub<T extends { hubId: string }>(name: string) {
    return f.spy.named<T>(name).filter((e) => e.payload.hubId === world.hub.id);
  }
});
