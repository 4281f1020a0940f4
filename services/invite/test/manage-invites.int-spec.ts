import {
  ERROR_CODES,
  HUB_EVENTS,
  HUB_PATTERNS,
  INVITE_EVENTS,
  INVITE_PATTERNS,
  InviteStateChangedPayload,
  InviteView,
} from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { InviteFixture, PASSWORD, TestAccount, World, eventually, uniqueEmail } from './invite-fixture';

describe('managing invites: list, resend, revoke, expiry, and inviters who lose the right to invite', () => {
  // One event at a time in both services, so that "handled by now" can be waited for (drain*).
  const f = new InviteFixture({ hubEnv: { AMQP_PREFETCH: '1' }, inviteEnv: { AMQP_PREFETCH: '1' } });
  let world: World;
  let hubAdmin: TestAccount;
  let tom: TestAccount;
  let tina: TestAccount;
  let external: TestAccount;

  beforeAll(async () => {
    await f.start();
    world = await f.world();
    hubAdmin = await f.member(world, 'Hana Hub-Admin', 'TEAM_MEMBER', { isHubAdmin: true });
    tom = await f.member(world, 'Tom Team', 'TEAM_MEMBER');
    tina = await f.member(world, 'Tina Team', 'TEAM_MEMBER');
    external = await f.member(world, 'Eve External', 'EXTERNAL_MEMBER');
  });
  afterAll(() => f.stop());

  const stateEvents = (name: string, inviteId: string) =>
    f.spy.named<InviteStateChangedPayload>(name).filter((e) => e.payload.invites.some((i) => i.inviteId === inviteId));

  const list = (actor: TestAccount, query: { limit?: number; offset?: number } = {}) =>
    f.call(INVITE_PATTERNS.LIST, { actor, hubId: world.hub.id, ...query });

  describe('listing pending invites', () => {
    let byTom: InviteView;
    let byTina: InviteView;

    beforeAll(async () => {
      byTom = (await f.invited(tom, world.hub.id)).invite;
      byTina = (await f.invited(tina, world.hub.id)).invite;
    });

    it('shows a Hub admin every pending invite of the Hub', async () => {
      for (const admin of [world.admin, hubAdmin]) {
        const ids = (await list(admin, { limit: 500 })).items.map((i) => i.id);
        expect(ids).toEqual(expect.arrayContaining([byTom.id, byTina.id]));
      }
    });

    it('shows a Team Member only their own', async () => {
      const page = await list(tom, { limit: 500 });
      expect(page.items.map((i) => i.id)).toEqual([byTom.id]);
      expect(page.total).toBe(1);
    });

    it('refuses External Members', async () => {
      const error = await f.failure(INVITE_PATTERNS.LIST, { actor: external, hubId: world.hub.id });
      expect(error.code).toBe(ERROR_CODES.PERMISSION_DENIED);
    });

    it('leaves out invites that are no longer pending or have lapsed, and pages', async () => {
      const lapsed = (await f.invited(tom, world.hub.id)).invite;
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        lapsed.id,
      ]);
      const ids = (await list(tom)).items.map((i) => i.id);
      expect(ids).not.toContain(lapsed.id);

      const first = await list(world.admin, { limit: 1 });
      const second = await list(world.admin, { limit: 1, offset: 1 });
      expect(first.items).toHaveLength(1);
      expect(second.items).toHaveLength(1);
      expect(first.items[0].id).not.toBe(second.items[0].id);
      expect(first.total).toBe(second.total);
    });

    it('answers HUB.NOT_FOUND to someone outside the Hub', async () => {
      const outsider = await f.account('Olly Outsider');
      expect((await f.failure(INVITE_PATTERNS.LIST, { actor: outsider, hubId: world.hub.id })).code).toBe(
        ERROR_CODES.HUB_NOT_FOUND,
      );
    });
  });

  describe('resending', () => {
    it('issues a new token (the old one dies) with a new expiry, and announces invite.invite.resent', async () => {
      const { invite, token } = await f.invited(tom, world.hub.id);
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() + interval '1 day' WHERE id = $1`, [invite.id]);
      const resent = await f.call(INVITE_PATTERNS.RESEND, { actor: tom, hubId: world.hub.id, inviteId: invite.id });
      expect(resent).toMatchObject({ id: invite.id, status: 'pending', sendCount: 2, createdAt: invite.createdAt });
      expect(invite.sendCount).toBe(1);
      expect(Date.parse(resent.lastSentAt)).toBeGreaterThan(Date.parse(invite.lastSentAt));
      expect(Date.parse(resent.expiresAt)).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
      const newToken = await f.tokenFor(invite.id, token);
      expect((await f.failure(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).code).toBe(ERROR_CODES.INVITE_NOT_FOUND);
      expect((await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Old', password: PASSWORD })).code).toBe(
        ERROR_CODES.INVITE_NOT_FOUND,
      );
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token: newToken })).toMatchObject({ status: 'pending' });
      expect(f.issuedTo(INVITE_EVENTS.RESENT, invite.email)).toHaveLength(1);
    });

    it("lets a Hub admin resend anyone's invite, and a Team Member only their own", async () => {
      const { invite } = await f.invited(tina, world.hub.id);
      await f.call(INVITE_PATTERNS.RESEND, { actor: hubAdmin, hubId: world.hub.id, inviteId: invite.id });
      const error = await f.failure(INVITE_PATTERNS.RESEND, { actor: tom, hubId: world.hub.id, inviteId: invite.id });
      expect(error.code).toBe(ERROR_CODES.INVITE_NOT_FOUND);
    });

    it('refuses a Team Member whose invite permission is off, even for their own invite still pending', async () => {
      const inviter = await f.member(world, 'Petra Paused', 'TEAM_MEMBER');
      const { invite } = await f.invited(inviter, world.hub.id);
      // The switch as the hub sees it, before its revocation of her invites has reached the invite service.
      await queryTestDb('UPDATE hub.memberships SET can_invite = false WHERE hub_id = $1 AND account_id = $2', [
        world.hub.id,
        inviter.accountId,
      ]);
      const error = await f.failure(INVITE_PATTERNS.RESEND, {
        actor: inviter,
        hubId: world.hub.id,
        inviteId: invite.id,
      });
      expect(error).toMatchObject({
        code: ERROR_CODES.PERMISSION_DENIED,
        message: expect.stringMatching(/turned off/),
      });
      expect(f.issuedTo(INVITE_EVENTS.RESENT, invite.email)).toHaveLength(0);
      const asked = await f.failure(INVITE_PATTERNS.CREATE, {
        actor: inviter,
        hubId: world.hub.id,
        email: invite.email,
        userType: 'EXTERNAL_MEMBER',
        resend: true,
      });
      expect(asked.code).toBe(ERROR_CODES.PERMISSION_DENIED);
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('pending');
    });

    it('refuses an invite that is not pending, and one that has lapsed (marking it expired)', async () => {
      const revoked = (await f.invited(tom, world.hub.id)).invite;
      await f.call(INVITE_PATTERNS.REVOKE, { actor: tom, hubId: world.hub.id, inviteId: revoked.id });
      const notPending = await f.failure(INVITE_PATTERNS.RESEND, {
        actor: tom,
        hubId: world.hub.id,
        inviteId: revoked.id,
      });
      expect(notPending).toMatchObject({ code: ERROR_CODES.INVITE_NOT_PENDING, details: { status: 'revoked' } });

      const lapsed = (await f.invited(tom, world.hub.id)).invite;
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        lapsed.id,
      ]);
      const expired = await f.failure(INVITE_PATTERNS.RESEND, { actor: tom, hubId: world.hub.id, inviteId: lapsed.id });
      expect(expired.code).toBe(ERROR_CODES.INVITE_EXPIRED);
      expect((await f.inviteRows({ email: lapsed.email }))[0].status).toBe('expired');
    });

    it('answers INVITE.NOT_FOUND for an invite of another Hub', async () => {
      const other = await f.world('Otto Other');
      const { invite } = await f.invited(other.admin, other.hub.id);
      const error = await f.failure(INVITE_PATTERNS.RESEND, {
        actor: world.admin,
        hubId: world.hub.id,
        inviteId: invite.id,
      });
      expect(error.code).toBe(ERROR_CODES.INVITE_NOT_FOUND);
    });
  });

  describe('revoking', () => {
    it('kills the link at once and announces invite.invite.revoked with who did it', async () => {
      const { invite, token } = await f.invited(tom, world.hub.id);
      const revoked = await f.call(INVITE_PATTERNS.REVOKE, {
        actor: hubAdmin,
        hubId: world.hub.id,
        inviteId: invite.id,
      });
      expect(revoked).toMatchObject({ id: invite.id, status: 'revoked', revokedAt: expect.any(String) });
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).toMatchObject({ status: 'revoked' });
      await eventually(() => stateEvents(INVITE_EVENTS.REVOKED, invite.id).length === 1, 'the revoked event');
      expect(stateEvents(INVITE_EVENTS.REVOKED, invite.id)[0].payload).toEqual({
        hubId: world.hub.id,
        tenancyId: world.tenancy.id,
        actorAccountId: hubAdmin.accountId,
        invites: [{ inviteId: invite.id, email: invite.email, userType: invite.userType }],
        reason: 'revoked',
      });
      // Again: nothing changes, no second event.
      const again = await f.call(INVITE_PATTERNS.REVOKE, { actor: hubAdmin, hubId: world.hub.id, inviteId: invite.id });
      expect(again).toEqual(revoked);
      await f.flushInviteEvents();
      expect(stateEvents(INVITE_EVENTS.REVOKED, invite.id)).toHaveLength(1);
    });

    it("refuses a Team Member revoking someone else's invite, and an accepted invite", async () => {
      const { invite, token } = await f.invited(tina, world.hub.id);
      const error = await f.failure(INVITE_PATTERNS.REVOKE, { actor: tom, hubId: world.hub.id, inviteId: invite.id });
      expect(error.code).toBe(ERROR_CODES.INVITE_NOT_FOUND);
      await f.accept(token);
      const accepted = await f.failure(INVITE_PATTERNS.REVOKE, {
        actor: tina,
        hubId: world.hub.id,
        inviteId: invite.id,
      });
      expect(accepted).toMatchObject({ code: ERROR_CODES.INVITE_NOT_PENDING, details: { status: 'accepted' } });
    });
  });

  describe('expiry', () => {
    it('is swept: lapsed invites become expired, announced once', async () => {
      const { invite, token } = await f.invited(tom, world.hub.id);
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        invite.id,
      ]);
      await eventually(async () => {
        await f.housekeeping();
        return (await f.inviteRows({ email: invite.email }))[0].status === 'expired';
      }, 'the sweep');
      await f.flushInviteEvents();
      expect(stateEvents(INVITE_EVENTS.EXPIRED, invite.id)).toHaveLength(1);
      expect(stateEvents(INVITE_EVENTS.EXPIRED, invite.id)[0].payload).toMatchObject({
        actorAccountId: null,
        reason: 'expired',
      });
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Late', password: PASSWORD });
      expect(error.code).toBe(ERROR_CODES.INVITE_EXPIRED);
    });
  });

  describe('the outbox', () => {
    it('forgets published events (they carry raw tokens) after an hour, and keeps recent ones', async () => {
      const { invite } = await f.invited(tom, world.hub.id);
      await f.flushInviteEvents();
      const carrying = `payload::text LIKE '%' || $1 || '%'`;
      await queryTestDb(`UPDATE invite.outbox SET sent_at = now() - interval '2 hours' WHERE ${carrying}`, [invite.id]);
      const [{ id: recent }] = await queryTestDb<{ id: string }>(
        `INSERT INTO invite.outbox (id, event_name, payload, sent_at)
         VALUES (gen_random_uuid(), 'test.recently.published', '{}', now() - interval '30 minutes') RETURNING id`,
      );
      await f.housekeeping();
      expect(await queryTestDb(`SELECT id FROM invite.outbox WHERE ${carrying}`, [invite.id])).toEqual([]);
      expect(await queryTestDb('SELECT id FROM invite.outbox WHERE id = $1', [recent])).toEqual([{ id: recent }]);
    });
  });

  describe('inviters who can no longer invite (their pending invites are revoked)', () => {
    async function inviterWithInvite(name: string) {
      const inviter = await f.member(world, name, 'TEAM_MEMBER');
      const { invite, token } = await f.invited(inviter, world.hub.id);
      return { inviter, invite, token };
    }

    async function revokedFor(invite: InviteView) {
      await eventually(async () => (await f.inviteRows({ email: invite.email }))[0].status === 'revoked', 'revocation');
      await eventually(() => stateEvents(INVITE_EVENTS.REVOKED, invite.id).length === 1, 'the revoked event');
      return stateEvents(INVITE_EVENTS.REVOKED, invite.id)[0].payload;
    }

    it('revokes them when a Hub admin turns the invite permission off', async () => {
      const { inviter, invite, token } = await inviterWithInvite('Ivan Inviter');
      const keep = (await f.invited(tom, world.hub.id)).invite;
      await f.updateMember(world, inviter, { canInvite: false });
      expect(await revokedFor(invite)).toMatchObject({
        actorAccountId: world.admin.accountId,
        reason: 'inviter_lost_permission',
      });
      expect((await f.inviteRows({ email: invite.email }))[0].revoke_reason).toBe('inviter_lost_permission');
      expect((await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'X', password: PASSWORD })).code).toBe(
        ERROR_CODES.INVITE_REVOKED,
      );
      expect((await f.inviteRows({ email: keep.email }))[0].status).toBe('pending');
    });

    it('revokes them when the inviter becomes an External Member', async () => {
      const { inviter, invite } = await inviterWithInvite('Xavier Ex-Team');
      await f.updateMember(world, inviter, { userType: 'EXTERNAL_MEMBER' });
      expect(await revokedFor(invite)).toMatchObject({ reason: 'inviter_lost_permission' });
    });

    it('revokes them when the inviter is removed from the Hub', async () => {
      const { inviter, invite } = await inviterWithInvite('Rita Removed');
      await f.call(HUB_PATTERNS.MEMBER_REMOVE, {
        actor: world.admin,
        hubId: world.hub.id,
        accountId: inviter.accountId,
      });
      expect(await revokedFor(invite)).toMatchObject({
        actorAccountId: world.admin.accountId,
        reason: 'inviter_removed',
      });
    });

    it('keeps them when a change leaves the right to invite (e.g. a Hub admin becomes a plain Team Member)', async () => {
      const { inviter, invite } = await inviterWithInvite('Kim Kept');
      await f.updateMember(world, inviter, { isHubAdmin: true });
      await f.updateMember(world, inviter, { isHubAdmin: false });
      // Wait until the invite service has consumed both hub.member.changed events, then look.
      let eventIds: string[] = [];
      await eventually(() => {
        eventIds = f.spy
          .named<{ after: { accountId: string } }>(HUB_EVENTS.MEMBER_CHANGED)
          .filter((e) => e.payload.after.accountId === inviter.accountId)
          .map((e) => e.id);
        return eventIds.length === 2;
      }, 'both hub.member.changed events');
      await eventually(
        async () =>
          (
            await queryTestDb(`SELECT 1 FROM invite.inbox WHERE consumer = 'inviter-rights' AND message_id = ANY($1)`, [
              eventIds,
            ])
          ).length === 2,
        'the invite service to consume them',
      );
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('pending');
    });

    it('consumes each hub event once (a redelivered event changes nothing)', async () => {
      const { inviter, invite } = await inviterWithInvite('Rene Redelivered');
      await f.updateMember(world, inviter, { canInvite: false });
      await revokedFor(invite);
      const [changed] = f.spy
        .named<{ after: { accountId: string } }>(HUB_EVENTS.MEMBER_CHANGED)
        .filter((e) => e.payload.after.accountId === inviter.accountId);
      // Permission back on, a new invite; then the old "permission off" event arrives again.
      await f.updateMember(world, inviter, { canInvite: true });
      const fresh = (await f.invited(inviter, world.hub.id)).invite;
      await f.publishAgain(changed);
      await f.drainInviteEvents();
      expect((await f.inviteRows({ email: fresh.email }))[0].status).toBe('pending');
    });
  });

  describe('the audit log (hub service)', () => {
    it('records every invite state change with who, what and the correlation id, once per event', async () => {
      const email = uniqueEmail('audited');
      const { invite } = await f.invited(tom, world.hub.id, email, 'TEAM_MEMBER');
      await f.call(INVITE_PATTERNS.RESEND, { actor: tom, hubId: world.hub.id, inviteId: invite.id });
      await f.call(INVITE_PATTERNS.RESEND, { actor: hubAdmin, hubId: world.hub.id, inviteId: invite.id });
      await f.call(INVITE_PATTERNS.REVOKE, { actor: hubAdmin, hubId: world.hub.id, inviteId: invite.id });
      const expiring = (await f.invited(tom, world.hub.id)).invite;
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        expiring.id,
      ]);
      await f.housekeeping();
      const registered = await f.account('Reggie Registered');
      await f.invite(tom, world.hub.id, registered.email, 'EXTERNAL_MEMBER');

      // A redelivered event writes nothing.
      const [created] = f.spy
        .named<{ invites: { inviteId: string }[] }>(INVITE_EVENTS.CREATED)
        .filter((e) => e.payload.invites.some((i) => i.inviteId === invite.id));
      await f.publishAgain(created);
      await f.drainHubAudit(world);

      const rows = await f.auditRows(world.hub.id);
      const about = (subject: string) => rows.filter((r) => r.subject === subject);
      expect(about(email).map((r) => [r.action, r.actor_account_id])).toEqual([
        ['invite.sent', tom.accountId],
        ['invite.resent', tom.accountId],
        ['invite.resent', hubAdmin.accountId], // who resent, not who invited
        ['invite.revoked', hubAdmin.accountId],
      ]);
      expect(about(email)[0]).toMatchObject({
        details: { inviteId: invite.id, userType: 'TEAM_MEMBER', expiresAt: invite.expiresAt },
        correlation_id: created.correlationId,
        source_event_id: created.id,
      });
      expect(JSON.stringify(rows)).not.toContain('/invite/'); // never an accept URL (raw token)
      await eventually(
        async () =>
          (await f.auditRows(world.hub.id)).some((r) => r.subject === expiring.email && r.action === 'invite.expired'),
        'the expired audit row',
      );
      expect(about(registered.email).map((r) => [r.action, r.actor_account_id])).toEqual([
        ['invite.member_added', tom.accountId],
      ]);
    });
  });
});
