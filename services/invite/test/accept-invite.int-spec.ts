import {
  ACCOUNT_PATTERNS,
  ERROR_CODES,
  INVITE_EVENTS,
  INVITE_PATTERNS,
  InviteStateChangedPayload,
} from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { MembershipGrantWorker } from '../src/membership-grants/membership-grant.worker';
import { InviteFixture, PASSWORD, World, eventually, uniqueEmail } from './invite-fixture';

describe('accepting an invite (invite.invite.preview-accept, invite.invite.accept)', () => {
  const f = new InviteFixture();
  let world: World;
  let second: World;

  beforeAll(async () => {
    await f.start();
    world = await f.world();
    second = await f.world('Sid Second-Tenancy');
  });
  afterAll(() => f.stop());

  const acceptedEvents = (inviteId: string) =>
    f.spy
      .named<InviteStateChangedPayload>(INVITE_EVENTS.ACCEPTED)
      .filter((e) => e.payload.invites.some((i) => i.inviteId === inviteId));

  describe('the preview', () => {
    it('shows the Hub, the inviter, the address and the user type, and changes nothing', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id, uniqueEmail('peek'), 'TEAM_MEMBER');
      await f.flushInviteEvents();
      const eventsBefore = f.spy.events.length;
      const preview = await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token });
      expect(preview).toEqual({
        status: 'pending',
        email: invite.email,
        hubName: world.hub.name,
        inviterName: world.admin.displayName,
        userType: 'TEAM_MEMBER',
        expiresAt: invite.expiresAt,
      });
      await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token });
      await f.flushInviteEvents();
      expect(f.spy.events.length).toBe(eventsBefore + 1); // only the flush marker
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('pending');
    });

    it('reads a lapsed invite as expired without marking it', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        invite.id,
      ]);
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).toMatchObject({ status: 'expired' });
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('pending');
    });

    it.each([
      ['an unknown token', 'A'.repeat(43)],
      ['a malformed token', 'not a token at all'],
      ['an empty token', ''],
    ])('answers INVITE.NOT_FOUND for %s', async (_label, token) => {
      expect((await f.failure(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).code).toBe(ERROR_CODES.INVITE_NOT_FOUND);
    });
  });

  describe('accepting', () => {
    it('creates the account and its memberships in every Hub that invited the address', async () => {
      const email = uniqueEmail('accepting');
      const { invite, token } = await f.invited(world.admin, world.hub.id, email, 'EXTERNAL_MEMBER');
      const other = await f.invited(second.admin, second.hub.id, email.toUpperCase(), 'TEAM_MEMBER');

      const result = await f.accept(token, '  Grace Hopper  ');

      expect(result.account).toMatchObject({ email, displayName: 'Grace Hopper', isOperator: false });
      expect(result.hubId).toBe(world.hub.id); // the Hub of the link that was used
      expect(result.memberships).toEqual(
        expect.arrayContaining([
          { hubId: world.hub.id, hubName: world.hub.name, userType: 'EXTERNAL_MEMBER', granted: true },
          { hubId: second.hub.id, hubName: second.hub.name, userType: 'TEAM_MEMBER', granted: true },
        ]),
      );
      expect(result.memberships).toHaveLength(2);
      const accountId = result.account.id;
      expect(await f.membership(world.hub.id, accountId)).toMatchObject({ userType: 'EXTERNAL_MEMBER', email });
      expect(await f.membership(second.hub.id, accountId)).toMatchObject({ userType: 'TEAM_MEMBER', email });
      const rows = await f.inviteRows({ email });
      expect(rows.map((r) => [r.status, r.accepted_account_id])).toEqual([
        ['accepted', accountId],
        ['accepted', accountId],
      ]);

      // The new account can sign in.
      expect(await f.call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, { email, password: PASSWORD })).toMatchObject({
        id: accountId,
      });
      // Accepting proves the mailbox (the token went to it): the address is verified.
      const [{ verified }] = await queryTestDb<{ verified: boolean }>(
        'SELECT email_verified_at IS NOT NULL AS verified FROM invite.accounts WHERE id = $1',
        [accountId],
      );
      expect(verified).toBe(true);

      // One accepted event per Hub, naming the new account; the hub audits every step.
      await eventually(() => acceptedEvents(invite.id).length === 1, 'the accepted event');
      await eventually(() => acceptedEvents(other.invite.id).length === 1, 'the other accepted event');
      expect(acceptedEvents(invite.id)[0].payload).toEqual({
        hubId: world.hub.id,
        tenancyId: world.tenancy.id,
        actorAccountId: accountId,
        invites: [{ inviteId: invite.id, email, userType: 'EXTERNAL_MEMBER' }],
      });
      await eventually(
        async () =>
          (await f.auditRows(world.hub.id)).some((r) => r.action === 'invite.accepted' && r.subject === email),
        'the accepted audit row',
      );
      const audit = (await f.auditRows(world.hub.id)).filter((r) => r.subject === email);
      expect(audit.map((r) => [r.action, r.actor_account_id])).toEqual([
        ['invite.sent', world.admin.accountId],
        ['invite.accepted', accountId],
      ]);
    });

    it('makes the token single-use: a second accept is INVITE.ALREADY_USED', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      await f.accept(token);
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Again', password: PASSWORD });
      expect(error.code).toBe(ERROR_CODES.INVITE_ALREADY_USED);
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).toMatchObject({ status: 'accepted' });
      expect(await f.accountsWith(invite.email)).toBe(1);
    });

    it('lets exactly one of two racing accepts of one token win, with one account', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      const outcomes = await Promise.allSettled([f.accept(token, 'First'), f.accept(token, 'Second')]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((o) => (o.reason as { code: string }).code)).toEqual([ERROR_CODES.INVITE_ALREADY_USED]);
      expect(await f.accountsWith(invite.email)).toBe(1);
      await f.flushInviteEvents();
      expect(acceptedEvents(invite.id)).toHaveLength(1);
    });

    it('lets exactly one of two racing accepts of one address in two Hubs win, with both memberships', async () => {
      const email = uniqueEmail('two-hubs-race');
      const a = await f.invited(world.admin, world.hub.id, email);
      const b = await f.invited(second.admin, second.hub.id, email);
      const outcomes = await Promise.allSettled([f.accept(a.token, 'Via A'), f.accept(b.token, 'Via B')]);
      const won = outcomes.find((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toBeDefined();
      expect(lost.map((o) => (o.reason as { code: string }).code)).toEqual([ERROR_CODES.INVITE_ALREADY_USED]);
      expect(await f.accountsWith(email)).toBe(1);
      const { account } = (won as PromiseFulfilledResult<Awaited<ReturnType<typeof f.accept>>>).value;
      expect(await f.membership(world.hub.id, account.id)).not.toBeNull();
      expect(await f.membership(second.hub.id, account.id)).not.toBeNull();
    });

    it.each([
      ['a too short password', 'short', 'at least 10 characters'],
      ['an empty password', '', 'at least 10 characters'],
      ['a common password', 'password123', 'most common passwords'],
    ])('refuses %s with ACCOUNT.WEAK_PASSWORD and leaves the invite pending', async (_l, password, reason) => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Weak', password });
      expect(error.code).toBe(ERROR_CODES.ACCOUNT_WEAK_PASSWORD);
      expect(error.message).toContain(reason);
      expect(await f.accountsWith(invite.email)).toBe(0);
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('pending');
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).toMatchObject({ status: 'pending' });
    });

    it('refuses an empty display name, and over-long fields', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      const blank = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: '   ', password: PASSWORD });
      expect(blank.code).toBe(ERROR_CODES.VALIDATION_FAILED);
      const long = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'x'.repeat(201), password: PASSWORD });
      expect(long.code).toBe(ERROR_CODES.VALIDATION_FAILED);
      const longPassword = await f.failure(INVITE_PATTERNS.ACCEPT, {
        token,
        displayName: 'X',
        password: 'p'.repeat(201),
      });
      expect(longPassword.code).toBe(ERROR_CODES.VALIDATION_FAILED);
      expect(await f.accountsWith(invite.email)).toBe(0);
    });

    it('refuses an unknown or malformed token with INVITE.NOT_FOUND', async () => {
      for (const token of ['B'.repeat(43), 'short', 'x'.repeat(101)]) {
        const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Nobody', password: PASSWORD });
        expect([ERROR_CODES.INVITE_NOT_FOUND, ERROR_CODES.VALIDATION_FAILED]).toContain(error.code);
      }
      expect(
        (await f.failure(INVITE_PATTERNS.ACCEPT, { token: 'B'.repeat(43), displayName: 'N', password: PASSWORD })).code,
      ).toBe(ERROR_CODES.INVITE_NOT_FOUND);
    });

    it('refuses an expired invite with INVITE.EXPIRED, and marks it expired', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        invite.id,
      ]);
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Late', password: PASSWORD });
      expect(error.code).toBe(ERROR_CODES.INVITE_EXPIRED);
      expect(await f.accountsWith(invite.email)).toBe(0);
      expect((await f.inviteRows({ email: invite.email }))[0].status).toBe('expired');
      await eventually(
        () =>
          f.spy
            .named<InviteStateChangedPayload>(INVITE_EVENTS.EXPIRED)
            .some((e) => e.payload.invites.some((i) => i.inviteId === invite.id)),
        'the expired event',
      );
    });

    it('refuses a revoked invite with INVITE.REVOKED', async () => {
      const { invite, token } = await f.invited(world.admin, world.hub.id);
      await f.call(INVITE_PATTERNS.REVOKE, { actor: world.admin, hubId: world.hub.id, inviteId: invite.id });
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token, displayName: 'Too late', password: PASSWORD });
      expect(error.code).toBe(ERROR_CODES.INVITE_REVOKED);
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token })).toMatchObject({ status: 'revoked' });
      expect(await f.accountsWith(invite.email)).toBe(0);
    });
  });

  describe('an account that appears by another route', () => {
    it('picks up its pending invites: they become memberships (a verified account)', async () => {
      const email = uniqueEmail('elsewhere');
      const a = await f.invited(world.admin, world.hub.id, email, 'TEAM_MEMBER');
      const b = await f.invited(second.admin, second.hub.id, email, 'EXTERNAL_MEMBER');
      const account = await f.account('Registered Elsewhere', email);

      await eventually(
        async () =>
          (await f.membership(world.hub.id, account.accountId)) !== null &&
          (await f.membership(second.hub.id, account.accountId)) !== null,
        'memberships for the new account',
      );
      expect(await f.membership(world.hub.id, account.accountId)).toMatchObject({ userType: 'TEAM_MEMBER' });
      expect(await f.membership(second.hub.id, account.accountId)).toMatchObject({ userType: 'EXTERNAL_MEMBER' });
      expect((await f.inviteRows({ email })).map((r) => [r.status, r.accepted_account_id])).toEqual([
        ['accepted', account.accountId],
        ['accepted', account.accountId],
      ]);
      await eventually(() => acceptedEvents(a.invite.id).length === 1, 'accepted event');
      expect(acceptedEvents(b.invite.id)[0]?.payload).toMatchObject({ reason: 'account_registered' });

      // Its invite links are used up.
      const error = await f.failure(INVITE_PATTERNS.ACCEPT, { token: a.token, displayName: 'X', password: PASSWORD });
      expect(error.code).toBe(ERROR_CODES.INVITE_ALREADY_USED);
    });

    it('is picked up by the housekeeping round too (an invite committed as the account appeared)', async () => {
      const email = uniqueEmail('late-invite');
      const { invite } = await f.invited(world.admin, world.hub.id, email);
      // Simulate the race: the account appears without its transaction seeing the invite.
      const [{ id: accountId }] = await queryTestDb<{ id: string }>(
        `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
         VALUES (gen_random_uuid(), $1, 'Raced', 'x', now()) RETURNING id`,
        [email],
      );
      // (A scheduled round may be doing the same work right now; either one gets there.)
      await eventually(async () => {
        await f.housekeeping();
        return (await f.membership(world.hub.id, accountId)) !== null;
      }, 'the membership');
      expect((await f.inviteRows({ email }))[0]).toMatchObject({ id: invite.id, status: 'accepted' });
    });
  });

  describe('when the hub cannot be reached at accept time', () => {
    afterAll(() => f.startHub().catch(() => undefined));

    it('creates the account and grants the membership later, when the hub is back', async () => {
      const email = uniqueEmail('hub-down');
      const { token } = await f.invited(world.admin, world.hub.id, email, 'TEAM_MEMBER');
      await f.stopHub();

      const result = await f.accept(token, 'Patient Person');
      expect(result.memberships).toEqual([
        { hubId: world.hub.id, hubName: world.hub.name, userType: 'TEAM_MEMBER', granted: false },
      ]);
      expect((await f.inviteRows({ email }))[0].status).toBe('accepted');
      const [grant] = await queryTestDb<{ status: string; attempts: number; last_error: string }>(
        'SELECT status, attempts, last_error FROM invite.membership_grants WHERE account_id = $1',
        [result.account.id],
      );
      expect(grant).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringMatching(/\w/) });

      await f.startHub();
      await queryTestDb('UPDATE invite.membership_grants SET next_attempt_at = now() WHERE account_id = $1', [
        result.account.id,
      ]);
      await eventually(async () => {
        await f.housekeeping();
        return (await f.membership(world.hub.id, result.account.id)) !== null;
      }, 'the membership granted after the hub came back');
      expect(await f.membership(world.hub.id, result.account.id)).toMatchObject({ userType: 'TEAM_MEMBER' });
      const [after] = await queryTestDb<{ status: string }>(
        'SELECT status FROM invite.membership_grants WHERE account_id = $1',
        [result.account.id],
      );
      expect(after.status).toBe('done');
    });
  });
  describe('the membership-grant worker (one pipeline for invites and registration links)', () => {
    const insertGrant = async (hubId: string, dueIn: string) => {
      const id = randomUUID();
      await queryTestDb(
        `INSERT INTO invite.membership_grants
           (id, source, source_id, hub_id, account_id, email, display_name, user_type, next_attempt_at)
         VALUES ($1, 'registration_link', $2, $3, $4, $5, 'Grant Probe', 'EXTERNAL_MEMBER', now() + $6::interval)`,
        [id, randomUUID(), hubId, randomUUID(), uniqueEmail('grant-probe'), dueIn],
      );
      return id;
    };
    const grantRow = async (id: string) =>
      (
        await queryTestDb<{ status: string; attempts: number; last_error: string | null }>(
          'SELECT status, attempts, last_error FROM invite.membership_grants WHERE id = $1',
          [id],
        )
      )[0];

    it('gives up for good on a Hub that does not exist, and leaves a fresh grant to the inline call', async () => {
      const gone = await insertGrant(randomUUID(), '0 seconds');
      const fresh = await insertGrant(world.hub.id, '30 seconds');
      // (The worker's own loop may be claiming it right now; either one gets there.)
      await eventually(async () => {
        await f.app.get(MembershipGrantWorker).runDue();
        return (await grantRow(gone)).status !== 'pending';
      }, 'the grant settled');
      expect(await grantRow(gone)).toEqual({
        status: 'failed',
        attempts: 1,
        last_error: expect.stringContaining(ERROR_CODES.HUB_NOT_FOUND),
      });
      expect(await grantRow(fresh)).toEqual({ status: 'pending', attempts: 0, last_error: null });
      expect(await f.app.get(MembershipGrantWorker).grantNow([fresh])).toEqual(new Set([fresh]));
      expect((await grantRow(fresh)).status).toBe('done');
    });
  });
});
