import {
  ERROR_CODES,
  HUB_PATTERNS,
  INVITE_EVENTS,
  INVITE_PATTERNS,
  InviteStateChangedPayload,
  MembersAddedNoticePayload,
  USER_TYPE_REQUIRED_MESSAGE,
} from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { createHash } from 'node:crypto';
import { InviteFixture, PUBLIC_BASE_URL, TestAccount, World, eventually, tokenOf, uniqueEmail } from './invite-fixture';

const DAY = 24 * 60 * 60 * 1000;

describe('inviting one address (invite.invite.create)', () => {
  const f = new InviteFixture();
  let world: World;
  let teamMember: TestAccount;
  let teamMemberInviteOff: TestAccount;
  let external: TestAccount;

  beforeAll(async () => {
    await f.start();
    world = await f.world();
    teamMember = await f.member(world, 'Tom Team', 'TEAM_MEMBER');
    teamMemberInviteOff = await f.member(world, 'Tina NoInvite', 'TEAM_MEMBER', { canInvite: false });
    external = await f.member(world, 'Eve External', 'EXTERNAL_MEMBER');
  });
  afterAll(() => f.stop());

  describe('an address without an account', () => {
    it('creates a pending invite and announces it once, with what the email needs and nothing else', async () => {
      const email = uniqueEmail('grace');
      const result = await f.invite(world.admin, world.hub.id, email, 'EXTERNAL_MEMBER');

      expect(result).toMatchObject({
        outcome: 'invited',
        email,
        emailSent: true,
        invite: {
          hubId: world.hub.id,
          tenancyId: world.tenancy.id,
          hubName: world.hub.name,
          email,
          userType: 'EXTERNAL_MEMBER',
          status: 'pending',
          inviterAccountId: world.admin.accountId,
          inviterName: world.admin.displayName,
          acceptedAt: null,
          revokedAt: null,
        },
      });
      const invite = result.invite!;
      const lifetime = Date.parse(invite.expiresAt) - Date.parse(invite.createdAt);
      expect(lifetime).toBeGreaterThan(14 * DAY - 60_000);
      expect(lifetime).toBeLessThan(14 * DAY + 60_000);

      await f.flushInviteEvents();
      const items = f.issuedTo(INVITE_EVENTS.CREATED, email);
      expect(items).toHaveLength(1);
      const [event] = f.issued(INVITE_EVENTS.CREATED).filter((e) => e.payload.invites.some((i) => i.email === email));
      expect(event.payload).toEqual({
        hubId: world.hub.id,
        hubName: world.hub.name,
        tenancyId: world.tenancy.id,
        inviterAccountId: world.admin.accountId,
        inviterName: world.admin.displayName,
        userType: 'EXTERNAL_MEMBER',
        invites: [{ inviteId: invite.id, email, acceptUrl: expect.any(String), expiresAt: invite.expiresAt }],
      });

      // The raw token (256 bits, base64url) is only in the URL; the table keeps its SHA-256.
      const token = tokenOf(items[0].acceptUrl);
      expect(items[0].acceptUrl).toBe(`${PUBLIC_BASE_URL}/invite/${token}`);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [row] = await f.inviteRows({ email });
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      const [{ found }] = await queryTestDb<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM invite.invites i WHERE i.id = $1 AND row_to_json(i)::text LIKE '%' || $2 || '%') AS found`,
        [invite.id, token],
      );
      expect(found).toBe(false);
    });

    it('stores the address normalised: trimmed, lower-case, IDN domain in punycode', async () => {
      const local = `Grace.Hopper.${Date.now()}`;
      const result = await f.invite(world.admin, world.hub.id, `  ${local}@BÜCHER.example `, 'TEAM_MEMBER');
      expect(result.email).toBe(`${local.toLowerCase()}@xn--bcher-kva.example`);
      expect(result.invite?.email).toBe(result.email);
    });

    it('keeps the pending invite when the address is invited again: no duplicate, no second email', async () => {
      const email = uniqueEmail('twice');
      const first = await f.invite(world.admin, world.hub.id, email);
      const again = await f.invite(teamMember, world.hub.id, email.toUpperCase());
      expect(again).toMatchObject({ outcome: 'invited', emailSent: false, invite: { id: first.invite!.id } });
      await f.flushInviteEvents();
      expect(f.issuedTo(INVITE_EVENTS.CREATED, email)).toHaveLength(1);
      expect(f.issuedTo(INVITE_EVENTS.RESENT, email)).toHaveLength(0);
      expect(await f.inviteRows({ email })).toHaveLength(1);
    });

    it('sends it again when asked to resend: a new token, and the old link stops working', async () => {
      const email = uniqueEmail('resend');
      const { invite, token: oldToken } = await f.invited(world.admin, world.hub.id, email);
      const again = await f.invite(world.admin, world.hub.id, email, 'EXTERNAL_MEMBER', true);
      expect(again).toMatchObject({ outcome: 'invited', emailSent: true, invite: { id: invite.id } });
      const newToken = await f.tokenFor(invite.id, oldToken);
      expect(f.issuedTo(INVITE_EVENTS.RESENT, email)).toHaveLength(1);
      expect((await f.failure(INVITE_PATTERNS.PREVIEW_ACCEPT, { token: oldToken })).code).toBe(
        ERROR_CODES.INVITE_NOT_FOUND,
      );
      expect(await f.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token: newToken })).toMatchObject({ status: 'pending' });
    });

    it("lets a Team Member's resend re-send only their own invites", async () => {
      const email = uniqueEmail('not-yours');
      await f.invited(world.admin, world.hub.id, email);
      const again = await f.invite(teamMember, world.hub.id, email, 'EXTERNAL_MEMBER', true);
      expect(again).toMatchObject({ outcome: 'invited', emailSent: false });
      await f.flushInviteEvents();
      expect(f.issuedTo(INVITE_EVENTS.RESENT, email)).toHaveLength(0);
    });

    it('makes one invite and one email when two invites for one address race', async () => {
      const email = uniqueEmail('race');
      const [a, b] = await Promise.all([
        f.invite(world.admin, world.hub.id, email, 'TEAM_MEMBER'),
        f.invite(teamMember, world.hub.id, email, 'TEAM_MEMBER'),
      ]);
      expect(a.invite!.id).toBe(b.invite!.id);
      expect([a.emailSent, b.emailSent].sort()).toEqual([false, true]);
      expect(await f.inviteRows({ email })).toHaveLength(1);
      await f.flushInviteEvents();
      expect(f.issuedTo(INVITE_EVENTS.CREATED, email)).toHaveLength(1);
    });

    it('uses the tenancy policy for the expiry', async () => {
      const other = await f.world('Pia Policy');
      await f.call(HUB_PATTERNS.POLICY_UPDATE, {
        actor: other.admin,
        tenancyId: other.tenancy.id,
        inviteExpiryDays: 3,
      });
      const { invite } = await f.invited(other.admin, other.hub.id);
      const lifetime = Date.parse(invite.expiresAt) - Date.parse(invite.createdAt);
      expect(Math.round(lifetime / DAY)).toBe(3);
    });

    it('creates a fresh invite over a revoked one', async () => {
      const email = uniqueEmail('again-after-revoke');
      const { invite } = await f.invited(world.admin, world.hub.id, email);
      await f.call(INVITE_PATTERNS.REVOKE, { actor: world.admin, hubId: world.hub.id, inviteId: invite.id });
      const fresh = await f.invite(world.admin, world.hub.id, email);
      expect(fresh).toMatchObject({ outcome: 'invited', emailSent: true, invite: { status: 'pending' } });
      expect(fresh.invite!.id).not.toBe(invite.id);
      expect((await f.inviteRows({ email })).map((r) => r.status)).toEqual(['revoked', 'pending']);
    });

    it('creates a fresh invite over an expired one, marking the old one expired', async () => {
      const email = uniqueEmail('again-after-expiry');
      const { invite } = await f.invited(world.admin, world.hub.id, email);
      await queryTestDb(`UPDATE invite.invites SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        invite.id,
      ]);
      const fresh = await f.invite(world.admin, world.hub.id, email);
      expect(fresh).toMatchObject({ outcome: 'invited', emailSent: true });
      expect(fresh.invite!.id).not.toBe(invite.id);
      expect((await f.inviteRows({ email })).map((r) => r.status)).toEqual(['expired', 'pending']);
      await eventually(
        () =>
          f.spy
            .named<InviteStateChangedPayload>(INVITE_EVENTS.EXPIRED)
            .some((e) => e.payload.invites.some((i) => i.inviteId === invite.id)),
        'the expired event of the old invite',
      );
    });
  });

  describe('a registered address', () => {
    it('adds the account to the Hub at once with the chosen user type, and sends the notice', async () => {
      const grace = await f.account('Grace Registered');
      const result = await f.invite(teamMember, world.hub.id, grace.email.toUpperCase(), 'TEAM_MEMBER');
      expect(result).toMatchObject({
        outcome: 'added',
        email: grace.email,
        emailSent: true,
        membership: { hubId: world.hub.id, accountId: grace.accountId, userType: 'TEAM_MEMBER', isHubAdmin: false },
      });
      expect(result.invite).toBeUndefined();
      expect(await f.inviteRows({ email: grace.email })).toHaveLength(0);

      const [notice] = await waitForNotice(grace.accountId);
      expect(notice.payload).toEqual({
        hubId: world.hub.id,
        hubName: world.hub.name,
        tenancyId: world.tenancy.id,
        addedByAccountId: teamMember.accountId,
        addedByName: teamMember.displayName,
        userType: 'TEAM_MEMBER',
        signInUrl: `${PUBLIC_BASE_URL}/`,
        members: [{ accountId: grace.accountId, email: grace.email, displayName: grace.displayName }],
        noticeByHub: true,
      });
    });

    it('reports a member as already_member and changes nothing', async () => {
      const before = await f.membership(world.hub.id, external.accountId);
      const result = await f.invite(world.admin, world.hub.id, external.email, 'TEAM_MEMBER');
      expect(result).toMatchObject({ outcome: 'already_member', emailSent: false, membership: before! });
      await f.flushInviteEvents();
      expect(noticesFor(external.accountId)).toHaveLength(0);
      expect(await f.membership(world.hub.id, external.accountId)).toEqual(before);
    });
  });

  describe('who may invite', () => {
    it('lets a Team Member with invite permission invite either user type', async () => {
      for (const userType of ['TEAM_MEMBER', 'EXTERNAL_MEMBER'] as const) {
        const result = await f.invite(teamMember, world.hub.id, uniqueEmail('by-team'), userType);
        expect(result).toMatchObject({
          outcome: 'invited',
          invite: { userType, inviterAccountId: teamMember.accountId },
        });
      }
    });

    it.each([
      ['an External Member', () => external, ERROR_CODES.PERMISSION_DENIED],
      ['a Team Member whose invite permission is off', () => teamMemberInviteOff, ERROR_CODES.PERMISSION_DENIED],
    ])('refuses %s with the hub’s code, and writes nothing', async (_label, who, code) => {
      const email = uniqueEmail('refused');
      const error = await f.failure(INVITE_PATTERNS.CREATE, {
        actor: who(),
        hubId: world.hub.id,
        email,
        userType: 'EXTERNAL_MEMBER',
      });
      expect(error.code).toBe(code);
      expect(await f.inviteRows({ email })).toHaveLength(0);
    });

    it('answers HUB.NOT_FOUND for an unknown Hub and for a Hub of another tenancy', async () => {
      const other = await f.world('Otto Other');
      for (const hubId of ['6a0e6a8c-5d76-4a53-9b2b-3f36f0a5f0b1', other.hub.id]) {
        const error = await f.failure(INVITE_PATTERNS.CREATE, {
          actor: world.admin,
          hubId,
          email: uniqueEmail('nowhere'),
          userType: 'TEAM_MEMBER',
        });
        expect(error.code).toBe(ERROR_CODES.HUB_NOT_FOUND);
      }
    });

    it('refuses inviting oneself (whatever the case of the address)', async () => {
      const error = await f.failure(INVITE_PATTERNS.CREATE, {
        actor: teamMember,
        hubId: world.hub.id,
        email: ` ${teamMember.email.toUpperCase()} `,
        userType: 'TEAM_MEMBER',
      });
      expect(error.code).toBe(ERROR_CODES.INVITE_SELF);
    });
  });

  describe('bad input', () => {
    const request = (over: Record<string, unknown>) =>
      ({
        actor: world.admin,
        hubId: world.hub.id,
        email: uniqueEmail('bad'),
        userType: 'TEAM_MEMBER',
        ...over,
      }) as never;

    it('requires a user type, in a clear sentence, and sends nothing', async () => {
      const email = uniqueEmail('no-type');
      const error = await f.failure(INVITE_PATTERNS.CREATE, request({ email, userType: undefined }));
      expect(error.code).toBe(ERROR_CODES.VALIDATION_FAILED);
      expect(error.message).toContain(USER_TYPE_REQUIRED_MESSAGE);
      expect(USER_TYPE_REQUIRED_MESSAGE).toBe('userType is required: TEAM_MEMBER or EXTERNAL_MEMBER');
      expect(await f.inviteRows({ email })).toHaveLength(0);
    });

    it('refuses an unknown user type', async () => {
      const error = await f.failure(INVITE_PATTERNS.CREATE, request({ userType: 'ADMIN' }));
      expect(error).toMatchObject({
        code: ERROR_CODES.VALIDATION_FAILED,
        message: expect.stringContaining('userType must be TEAM_MEMBER or EXTERNAL_MEMBER'),
      });
    });

    it.each([
      ['not an address', 'grace hopper', 'contains spaces'],
      ['no domain', 'grace@', 'missing "@"'],
      ['empty', '   ', 'empty value'],
      ['a bad domain', 'grace@localhost', 'domain is not valid'],
      [
        'over 254 characters',
        `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.example`,
        'longer than 254',
      ],
    ])('refuses %s with INVITE.INVALID_EMAIL and the reason', async (_label, email, reason) => {
      const error = await f.failure(INVITE_PATTERNS.CREATE, request({ email }));
      expect(error.code).toBe(ERROR_CODES.INVITE_INVALID_EMAIL);
      expect(error.message).toContain(reason);
    });

    it('refuses over-long and unknown fields', async () => {
      expect((await f.failure(INVITE_PATTERNS.CREATE, request({ email: `${'a'.repeat(320)}@x.example` }))).code).toBe(
        ERROR_CODES.VALIDATION_FAILED,
      );
      expect((await f.failure(INVITE_PATTERNS.CREATE, request({ role: 'admin' }))).code).toBe(
        ERROR_CODES.VALIDATION_FAILED,
      );
      expect((await f.failure(INVITE_PATTERNS.CREATE, request({ hubId: 'not-a-uuid' }))).code).toBe(
        ERROR_CODES.VALIDATION_FAILED,
      );
    });
  });

  function noticesFor(accountId: string) {
    return f.spy
      .named<MembersAddedNoticePayload>(INVITE_EVENTS.MEMBER_ADDED)
      .filter((e) => e.payload.members.some((m) => m.accountId === accountId));
  }

  async function waitForNotice(accountId: string) {
    await eventually(() => noticesFor(accountId).length > 0, 'the added-to-Hub notice');
    await f.flushInviteEvents();
    const notices = noticesFor(accountId);
    expect(notices).toHaveLength(1);
    return notices;
  }
});
