import {
  ACCOUNT_PATTERNS,
  Actor,
  ERROR_CODES,
  HUB_PATTERNS,
  HubWithMembershipView,
  INVITE_PATTERNS,
  JoinByLinkRequest,
  REGISTRATION_LINK_EVENTS,
  REGISTRATION_LINK_PATTERNS,
  RegistrationLinkUsedPayload,
  RegistrationLinkView,
  RpcPattern,
  SIGNUP_EVENTS,
  RpcRequest,
  RpcResponse,
  SYSTEM_ACTOR,
  TenancyView,
  UpdateRegistrationLinkRequest,
  UserType,
} from '@gatehouse/contracts';
import { ProcessGroup, requireBuilt } from '@gatehouse/processes';
import { EventSpy, ServiceTestBed, freePort, pollUntil, queryTestDb } from '@gatehouse/testing';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startInvite } from '../src/main';

/** A tenancy, its first tenant admin, and a Hub that admin created (so its first Hub admin). */
interface World {
  tenancy: TenancyView;
  admin: Actor;
  hub: HubWithMembershipView;
}

/**
 * Registration links (issues 6 and 11) on the real PostgreSQL and RabbitMQ, in one AMQP namespace: the invite
 * service in-process, the hub and the gateway as their compiled processes (services never import each
 * other's code, tests included; build first: `npx tsc -p tsconfig.build.json && node scripts/copy-assets.js`).
 * The tests talk RPC to the invite service (as the gateway does) and HTTP to the gateway (as people do).
 */
describe('registration links', () => {
  const bed = new ServiceTestBed('reglinks');
  const processes = new ProcessGroup();
  bed.onStop(() => processes.stop());
  const hubEnv = bed.processEnv();
  let hubPort = 0;
  let gatewayUrl: string;
  const PUBLIC_BASE_URL = 'https://gatehouse.test';
  const PER_LINK_LIMIT = 8;
  const PER_ADDRESS_SUBMIT_LIMIT = 4;
  const PASSWORD = 'violet-harbour-1957';

  beforeAll(async () => {
    requireBuilt('hub', 'gateway');
    await bed.resetSchemas('hub', 'invite');
    hubPort = await freePort();
    await processes.start('hub', hubPort, hubEnv);
    const inviteEnv = bed.processEnv({
      PUBLIC_BASE_URL,
      REGISTRATION_LINK_TOKEN_KEY: randomBytes(32).toString('hex'),
      REGISTRATION_LINK_JOIN_LIMIT: String(PER_LINK_LIMIT),
      MEMBERSHIP_GRANT_POLL_MS: '200',
    });
    // Generous RPC timeout: six parallel argon2id sign-ups on a busy machine can take longer than the 5 s default.
    await bed.bootService(() => startInvite(inviteEnv), 30_000);
    const gateway = await processes.start(
      'gateway',
      await freePort(),
      bed.processEnv({
        PUBLIC_BASE_URL,
        JWT_SECRET: 'registration-links-test-secret-'.repeat(2),
        SIGN_IN_RATE_LIMIT: '1000',
        JOIN_SUBMIT_RATE_LIMIT: String(PER_ADDRESS_SUBMIT_LIMIT),
        JOIN_PAGE_RATE_LIMIT: '1000',
      }),
    );
    gatewayUrl = `http://127.0.0.1:${gateway.port}`;
  }, 120_000);

  afterAll(() => bed.stop());

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────

  function call<P extends RpcPattern>(pattern: P, request: RpcRequest<P>): Promise<RpcResponse<P>> {
    return bed.call(pattern, request);
  }

  /** Someone the hub knows by id only (no account: enough for RPC-level permission checks). */
  function makeActor(displayName: string): Actor {
    const id = randomUUID();
    return {
      accountId: id,
      email: `${displayName.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 6)}@example.com`,
      displayName,
      isOperator: false,
    };
  }

  /** A registered account (password PASSWORD, address verified) that can sign in over HTTP. */
  async function account(displayName: string): Promise<Actor> {
    const created = await call(ACCOUNT_PATTERNS.CREATE, {
      email: newEmail('acct'),
      displayName,
      password: PASSWORD,
      emailVerified: true,
    });
    return { accountId: created.id, email: created.email, displayName, isOperator: false };
  }

  async function createWorld(
    admin: Actor = makeActor('Tess Tenant-Admin'),
    hubName = `Hub ${randomUUID().slice(0, 8)}`,
  ): Promise<World> {
    const slug = `t-${randomUUID().slice(0, 8)}`;
    const tenancy = await call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: `Tenancy ${slug}`,
      slug,
      firstAdmin: { accountId: admin.accountId, email: admin.email, displayName: admin.displayName },
    });
    const hub = await call(HUB_PATTERNS.HUB_CREATE, { actor: admin, tenancyId: tenancy.id, name: hubName });
    return { tenancy, admin, hub };
  }

  /** A new Hub whose admin invites `email` as an External Member, and the invite's outcome. */
  async function inviteInNewHub(email: string, adminName: string) {
    const world = await createWorld(makeActor(adminName));
    const invited = await call(INVITE_PATTERNS.CREATE, {
      actor: world.admin,
      hubId: world.hub.id,
      email,
      userType: 'EXTERNAL_MEMBER',
    });
    return { ...world, outcome: invited.outcome };
  }

  /** Adds someone (a new actor unless given) to the Hub with that user type. */
  async function addMember(world: World, member: Actor | string, userType: UserType): Promise<Actor> {
    const actor = typeof member === 'string' ? makeActor(member) : member;
    await call(HUB_PATTERNS.MEMBER_ADD_BULK, {
      hubId: world.hub.id,
      userType,
      addedBy: world.admin.accountId,
      members: [{ accountId: actor.accountId, email: actor.email, displayName: actor.displayName }],
    });
    return actor;
  }

  const spyOnEvents = (): Promise<EventSpy> => bed.spyOnEvents();

  /** Polls until `condition` holds; fails with `what` after a generous deadline (never a speed assertion). */
  async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
    await pollUntil(condition, what, { timeoutMs });
  }

  function update(world: World, patch: Omit<UpdateRegistrationLinkRequest, 'actor' | 'hubId'>, actor = world.admin) {
    return call(REGISTRATION_LINK_PATTERNS.UPDATE, { actor, hubId: world.hub.id, ...patch });
  }

  function rotate(world: World, actor = world.admin) {
    return call(REGISTRATION_LINK_PATTERNS.ROTATE, { actor, hubId: world.hub.id });
  }

  function getLink(world: World, actor: Actor) {
    return call(REGISTRATION_LINK_PATTERNS.GET, { actor, hubId: world.hub.id });
  }

  function preview(token: string) {
    return call(REGISTRATION_LINK_PATTERNS.PREVIEW_JOIN, { token });
  }

  /** A new Hub whose admin has enabled its link (with these settings); returns the token from the URL. */
  async function openLink(patch: Omit<UpdateRegistrationLinkRequest, 'actor' | 'hubId'> = {}, hubName?: string) {
    const world = await createWorld(undefined, hubName);
    const view = await update(world, { enabled: true, ...patch });
    return { world, view, token: tokenOf(view) };
  }

  function tokenOf(view: RegistrationLinkView): string {
    expect(view.url).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/join/[A-Za-z0-9_-]{43}$`));
    return view.url!.split('/join/')[1];
  }

  function newEmail(label = 'newbie', domain = 'example.com'): string {
    return `${label}.${randomUUID().slice(0, 8)}@${domain}`;
  }

  function join(token: string, email: string, extra: Partial<JoinByLinkRequest> = {}) {
    return call(REGISTRATION_LINK_PATTERNS.JOIN, {
      token,
      email,
      displayName: 'Nia Newcomer',
      password: PASSWORD,
      clientAddress: '198.51.100.9',
      ...extra,
    });
  }

  /**
   * The confirm token of the newest verification email asked for this address, taken from the invite
   * service's outbox (where the notification service gets it; the e2e test follows the real email).
   */
  async function confirmTokenFor(email: string): Promise<string> {
    const [row] = await queryTestDb<{ payload: { confirmUrl: string } }>(
      `SELECT payload FROM invite.outbox WHERE event_name = $1 AND payload->>'email' = lower(trim($2))
       ORDER BY created_at DESC LIMIT 1`,
      [SIGNUP_EVENTS.CONFIRMATION_REQUESTED, email],
    );
    expect(row?.payload.confirmUrl).toMatch(new RegExp(`^${PUBLIC_BASE_URL}/join/confirm/[A-Za-z0-9_-]{43}$`));
    return row.payload.confirmUrl.split('/join/confirm/')[1];
  }

  function confirm(confirmToken: string, password = PASSWORD) {
    return call(REGISTRATION_LINK_PATTERNS.CONFIRM_SIGNUP, { token: confirmToken, password });
  }

  /** Signs up through the link and confirms from the verification email: the whole join. */
  async function joinAndConfirm(token: string, email: string, extra: Partial<JoinByLinkRequest> = {}) {
    await join(token, email, extra);
    return confirm(await confirmTokenFor(email), extra.password ?? PASSWORD);
  }

  async function pendingSignups(email: string) {
    return queryTestDb<{ password_hash: string | null; confirmed_at: Date | null; display_name: string }>(
      'SELECT password_hash, confirmed_at, display_name FROM invite.pending_signups WHERE email = lower(trim($1))',
      [email],
    );
  }

  async function inviteStatus(hubId: string, email: string): Promise<string[]> {
    const rows = await queryTestDb<{ status: string }>(
      'SELECT status FROM invite.invites WHERE hub_id = $1 AND email = $2 ORDER BY created_at',
      [hubId, email],
    );
    return rows.map((row) => row.status);
  }

  async function usedAuditRows(hubId: string): Promise<number> {
    const rows = await queryTestDb(
      `SELECT 1 FROM hub.audit_log WHERE hub_id = $1 AND action = 'registration_link.used'`,
      [hubId],
    );
    return rows.length;
  }

  async function expectCode(promise: Promise<unknown>, code: string, message?: string) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code, ...(message ? { message } : {}) });
  }

  async function linkRow(hubId: string) {
    const [row] = await queryTestDb<Record<string, unknown> & { use_count: number }>(
      'SELECT * FROM invite.registration_links WHERE hub_id = $1',
      [hubId],
    );
    return row ?? null;
  }

  async function accountsWith(email: string): Promise<number> {
    const [{ count }] = await queryTestDb<{ count: string }>(
      'SELECT count(*) FROM invite.accounts WHERE email = lower(trim($1))',
      [email],
    );
    return Number(count);
  }

  async function memberCount(hubId: string): Promise<number> {
    return (await call(HUB_PATTERNS.MEMBER_LIST, { hubId, limit: 1 })).total;
  }

  async function linkEvents(hubId: string): Promise<{ event_name: string; payload: Record<string, unknown> }[]> {
    return queryTestDb(
      `SELECT event_name, payload FROM invite.outbox
       WHERE event_name LIKE 'invite.registration-link.%' AND payload->>'hubId' = $1 ORDER BY created_at, id`,
      [hubId],
    );
  }

  function membershipOf(hubId: string, accountId: string) {
    return call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId });
  }

  async function http(
    method: string,
    route: string,
    options: { token?: string; json?: unknown; form?: Record<string, string>; from?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    if (options.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (options.from) headers['x-forwarded-for'] = options.from;
    const response = await fetch(`${gatewayUrl}${route}`, {
      method,
      headers,
      redirect: 'manual',
      body: options.form
        ? new URLSearchParams(options.form).toString()
        : options.json !== undefined
          ? JSON.stringify(options.json)
          : undefined,
    });
    const text = await response.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  async function signIn(who: Actor): Promise<string> {
    const response = await http('POST', '/api/v1/auth/sign-in', { json: { email: who.email, password: PASSWORD } });
    expect(response.status).toBe(200);
    return response.json!.accessToken as string;
  }

  let addressCounter = 0;
  /** A client address of its own per test (the gateway trusts X-Forwarded-For from loopback). */
  const freshAddress = () => `203.0.113.${++addressCounter}`;

  // ── settings and permissions ──────────────────────────────────────────────────────────────────────

  describe('settings and who may see them', () => {
    it('is disabled by default: a Hub without a link reads as disabled, and reading creates nothing', async () => {
      const world = await createWorld();
      const teamMember = await addMember(world, 'Tom Team', 'TEAM_MEMBER');
      for (const actor of [world.admin, teamMember]) {
        expect(await getLink(world, actor)).toEqual({
          hubId: world.hub.id,
          enabled: false,
          status: 'disabled',
          url: null,
          userType: 'EXTERNAL_MEMBER',
          expiresAt: null,
          maxUses: null,
          useCount: 0,
          allowedDomains: [],
          canManage: actor === world.admin,
          updatedAt: null,
        });
      }
      expect(await linkRow(world.hub.id)).toBeNull();
    });

    it('a Hub admin enables it; the URL can be shown again, and the token is stored only hashed and sealed', async () => {
      const world = await createWorld();
      const view = await update(world, { enabled: true });
      expect(view).toMatchObject({ enabled: true, status: 'open', userType: 'EXTERNAL_MEMBER', canManage: true });
      const token = tokenOf(view);
      expect((await getLink(world, world.admin)).url).toBe(view.url);

      const row = await linkRow(world.hub.id);
      expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      const [{ everything }] = await queryTestDb<{ everything: string }>(
        `SELECT (SELECT json_agg(l)::text FROM invite.registration_links l)
             || coalesce((SELECT json_agg(o)::text FROM invite.outbox o), '') AS everything`,
      );
      expect(everything).not.toContain(token);
    });

    it('Team Members see and copy the URL while it is enabled, but cannot manage it', async () => {
      const { world, view } = await openLink();
      const teamMember = await addMember(world, 'Tom Team', 'TEAM_MEMBER');
      expect(await getLink(world, teamMember)).toMatchObject({ enabled: true, url: view.url, canManage: false });

      await expectCode(update(world, { enabled: false }, teamMember), ERROR_CODES.PERMISSION_DENIED);
      await expectCode(update(world, { userType: 'TEAM_MEMBER' }, teamMember), ERROR_CODES.PERMISSION_DENIED);
      await expectCode(rotate(world, teamMember), ERROR_CODES.PERMISSION_DENIED);

      await update(world, { enabled: false });
      expect(await getLink(world, teamMember)).toMatchObject({ enabled: false, url: null });
      // A Hub admin still sees which URL comes back when it is enabled again.
      expect((await getLink(world, world.admin)).url).toBe(view.url);
    });

    it('a Team Member whose invite permission is off cannot see (copy) it', async () => {
      const { world } = await openLink();
      const teamMember = await addMember(world, 'Tess Switched-Off', 'TEAM_MEMBER');
      await call(HUB_PATTERNS.MEMBER_UPDATE, {
        actor: world.admin,
        hubId: world.hub.id,
        accountId: teamMember.accountId,
        canInvite: false,
      });
      await expectCode(getLink(world, teamMember), ERROR_CODES.PERMISSION_DENIED);
    });

    it('External Members may not see it at all; to non-members the Hub does not exist', async () => {
      const { world } = await openLink();
      const external = await addMember(world, 'Ed External', 'EXTERNAL_MEMBER');
      await expectCode(getLink(world, external), ERROR_CODES.PERMISSION_DENIED);
      await expectCode(update(world, { enabled: false }, external), ERROR_CODES.PERMISSION_DENIED);
      await expectCode(getLink(world, makeActor('Stan Stranger')), ERROR_CODES.HUB_NOT_FOUND);
    });

    it('changes the settings, normalising the allowed domains and refusing what is not valid', async () => {
      const world = await createWorld();
      const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
      const view = await update(world, {
        userType: 'TEAM_MEMBER',
        expiresAt,
        maxUses: 25,
        allowedDomains: [' Example.COM ', '@other.example', 'example.com', 'bücher.example'],
      });
      expect(view).toMatchObject({
        enabled: false,
        userType: 'TEAM_MEMBER',
        expiresAt,
        maxUses: 25,
        allowedDomains: ['example.com', 'other.example', 'xn--bcher-kva.example'],
      });
      await expectCode(update(world, { allowedDomains: ['not a domain'] }), ERROR_CODES.VALIDATION_FAILED);
      await expectCode(update(world, { allowedDomains: ['*.example.com'] }), ERROR_CODES.VALIDATION_FAILED);
      await expectCode(
        update(world, { expiresAt: new Date(Date.now() - 60_000).toISOString() }),
        ERROR_CODES.VALIDATION_FAILED,
      );
      await expectCode(update(world, { maxUses: 0 }), ERROR_CODES.VALIDATION_FAILED);
      await expectCode(update(world, { userType: 'ADMIN' as UserType }), ERROR_CODES.VALIDATION_FAILED);
      await expectCode(update(world, { enabled: null as unknown as boolean }), ERROR_CODES.VALIDATION_FAILED);
      expect(await update(world, { expiresAt: null, maxUses: null, allowedDomains: [] })).toMatchObject({
        expiresAt: null,
        maxUses: null,
        allowedDomains: [],
      });
    });

    it('records enabled, settings changed, disabled and rotated through the outbox, without the token', async () => {
      const world = await createWorld();
      const spy = await spyOnEvents();
      const enabled = await update(world, { enabled: true });
      await update(world, { enabled: true }); // no change: nothing recorded
      await update(world, { maxUses: 10, userType: 'TEAM_MEMBER' });
      await update(world, { enabled: false });
      const rotated = await rotate(world);

      const events = await linkEvents(world.hub.id);
      expect(events.map((e) => e.event_name)).toEqual([
        REGISTRATION_LINK_EVENTS.ENABLED,
        REGISTRATION_LINK_EVENTS.UPDATED,
        REGISTRATION_LINK_EVENTS.DISABLED,
        REGISTRATION_LINK_EVENTS.ROTATED,
      ]);
      for (const { payload } of events) {
        expect(payload).toMatchObject({
          hubId: world.hub.id,
          tenancyId: world.tenancy.id,
          actorAccountId: world.admin.accountId,
        });
      }
      expect(events[1].payload.changes).toEqual([
        { field: 'userType', from: 'EXTERNAL_MEMBER', to: 'TEAM_MEMBER' },
        { field: 'maxUses', from: null, to: 10 },
      ]);
      const text = JSON.stringify(events);
      expect(text).not.toContain(tokenOf(enabled));
      expect(text).not.toContain(tokenOf(rotated));
      await spy.waitFor(REGISTRATION_LINK_EVENTS.ROTATED);

      // The hub's audit log records each change (who, what), never the token.
      const expected = [
        'registration_link.enabled',
        'registration_link.settings_changed',
        'registration_link.disabled',
        'registration_link.rotated',
      ];
      let audit: { action: string; actor_account_id: string; details: unknown }[] = [];
      await eventually(async () => {
        audit = await queryTestDb(
          `SELECT action, actor_account_id, details FROM hub.audit_log
           WHERE hub_id = $1 AND action LIKE 'registration_link.%' ORDER BY id`,
          [world.hub.id],
        );
        return audit.length === expected.length;
      }, 'the audit rows of the link changes');
      expect(audit.map((row) => row.action)).toEqual(expected);
      expect(new Set(audit.map((row) => row.actor_account_id))).toEqual(new Set([world.admin.accountId]));
      expect(JSON.stringify(audit)).not.toContain(tokenOf(rotated));
    });
  });

  // ── joining ───────────────────────────────────────────────────────────────────────────────────────

  describe('joining through the link', () => {
    it("a sign-up with someone else's address yields nothing until the verification link is used", async () => {
      const { world, token } = await openLink();
      const spy = await spyOnEvents();
      expect(await preview(token)).toEqual({
        status: 'open',
        hubName: world.hub.name,
        userType: 'EXTERNAL_MEMBER',
        allowedDomains: [],
        expiresAt: null,
      });
      // The victim has a pending invite to another Hub.
      const other = await createWorld(makeActor('Oona Other-Admin'));
      const email = newEmail('cfo', 'victim.example');
      expect(
        (
          await call(INVITE_PATTERNS.CREATE, {
            actor: other.admin,
            hubId: other.hub.id,
            email,
            userType: 'TEAM_MEMBER',
          })
        ).outcome,
      ).toBe('invited');

      // Someone signs up with the victim's address.
      const result = await join(token, `  ${email.toUpperCase()} `);
      expect(result).toEqual({ email, hubName: world.hub.name, expiresAt: expect.any(String) });
      const hours = (Date.parse(result.expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(23);
      expect(hours).toBeLessThanOrEqual(24);

      // Nothing that can sign in, join or pick up invites exists.
      const nothingYet = async () => {
        expect(await accountsWith(email)).toBe(0);
        expect((await linkRow(world.hub.id))!.use_count).toBe(0);
        expect(await memberCount(world.hub.id)).toBe(1);
        expect(await memberCount(other.hub.id)).toBe(1);
        expect(await inviteStatus(other.hub.id, email)).toEqual(['pending']);
        expect((await linkEvents(world.hub.id)).map((e) => e.event_name)).not.toContain(REGISTRATION_LINK_EVENTS.USED);
        expect(await usedAuditRows(world.hub.id)).toBe(0);
        await expectCode(
          call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, { email, password: PASSWORD }),
          ERROR_CODES.AUTH_INVALID_CREDENTIALS,
        );
      };
      await nothingYet();
      // The password is kept only as an argon2id hash.
      const [pending] = await pendingSignups(email);
      expect(pending.password_hash).toMatch(/^\$argon2id\$/);
      expect(JSON.stringify(await queryTestDb('SELECT * FROM invite.pending_signups'))).not.toContain(PASSWORD);

      // A later invite to that address, in a third Hub, is an invite, not an instant membership.
      const third = await inviteInNewHub(email, 'Theo Third-Admin');
      expect(third.outcome).toBe('invited');

      // Opening the confirm page changes nothing; a wrong password neither.
      const confirmToken = await confirmTokenFor(email);
      expect(await call(REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP, { token: confirmToken })).toEqual({
        status: 'pending',
        email,
        displayName: 'Nia Newcomer',
        hubName: world.hub.name,
        userType: 'EXTERNAL_MEMBER',
        expiresAt: result.expiresAt,
      });
      await expectCode(confirm(confirmToken, 'not-the-password-42'), ERROR_CODES.SIGNUP_WRONG_PASSWORD);
      await nothingYet();

      // The mailbox's owner confirms: account (verified), membership, use counted, invites picked up.
      const confirmed = await confirm(confirmToken);
      expect(confirmed).toMatchObject({
        account: { email, displayName: 'Nia Newcomer' },
        membership: { hubId: world.hub.id, hubName: world.hub.name, userType: 'EXTERNAL_MEMBER', granted: true },
      });
      const accountId = confirmed.account.id;
      expect(await membershipOf(world.hub.id, accountId)).toMatchObject({
        userType: 'EXTERNAL_MEMBER',
        isHubAdmin: false,
      });
      expect((await linkRow(world.hub.id))!.use_count).toBe(1);
      expect(await getLink(world, world.admin)).toMatchObject({ useCount: 1, status: 'open' });
      const [{ verified }] = await queryTestDb<{ verified: boolean }>(
        'SELECT email_verified_at IS NOT NULL AS verified FROM invite.accounts WHERE id = $1',
        [accountId],
      );
      expect(verified).toBe(true);
      expect((await pendingSignups(email))[0]).toMatchObject({ password_hash: null, confirmed_at: expect.any(Date) });

      const [used] = await spy.waitFor<RegistrationLinkUsedPayload>(REGISTRATION_LINK_EVENTS.USED);
      expect(used.payload).toMatchObject({
        hubId: world.hub.id,
        tenancyId: world.tenancy.id,
        actorAccountId: accountId,
        accountId,
        email,
        userType: 'EXTERNAL_MEMBER',
        useCount: 1,
      });
      await eventually(async () => (await usedAuditRows(world.hub.id)) === 1, 'the audit row of the use');
      await eventually(
        async () =>
          (await membershipOf(other.hub.id, accountId)) !== null &&
          (await membershipOf(third.hub.id, accountId)) !== null,
        'the invited memberships',
      );
      expect(await membershipOf(other.hub.id, accountId)).toMatchObject({ userType: 'TEAM_MEMBER' });
      expect(await inviteStatus(other.hub.id, email)).toEqual(['accepted']);
      // The account can sign in.
      await expect(call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, { email, password: PASSWORD })).resolves.toMatchObject({
        id: accountId,
      });

      // The confirmation is single-use.
      await expectCode(confirm(confirmToken), ERROR_CODES.SIGNUP_ALREADY_CONFIRMED);
      expect(await call(REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP, { token: confirmToken })).toMatchObject({
        status: 'confirmed',
      });
      expect((await linkRow(world.hub.id))!.use_count).toBe(1);
      expect(await accountsWith(email)).toBe(1);
    });

    it('an expired sign-up cannot be confirmed, and says so', async () => {
      const { world, token } = await openLink();
      const email = newEmail('slow');
      await join(token, email);
      const confirmToken = await confirmTokenFor(email);
      await queryTestDb(`UPDATE invite.pending_signups SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
        email,
      ]);
      expect(await call(REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP, { token: confirmToken })).toMatchObject({
        status: 'expired',
      });
      await expectCode(confirm(confirmToken), ERROR_CODES.SIGNUP_EXPIRED);
      expect(await accountsWith(email)).toBe(0);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
      // Signing up again sends a new email that works.
      await expect(joinAndConfirm(token, email)).resolves.toMatchObject({ account: { email } });
    });

    it('a second sign-up for the address refreshes the pending one: only the newest email works, with its password', async () => {
      const { world, token } = await openLink();
      const email = newEmail('twice');
      await join(token, email, { displayName: 'First Try' });
      const first = await confirmTokenFor(email);
      await join(token, email, { displayName: 'Second Try', password: 'another-long-pass-99' });
      const second = await confirmTokenFor(email);
      expect(second).not.toBe(first);
      expect(await pendingSignups(email)).toEqual([expect.objectContaining({ display_name: 'Second Try' })]);

      await expectCode(confirm(first), ERROR_CODES.SIGNUP_NOT_FOUND);
      // Whoever made the second sign-up's email reach the mailbox cannot get the owner to confirm it with
      // the owner's password: the password chosen with that sign-up is needed.
      await expectCode(confirm(second, PASSWORD), ERROR_CODES.SIGNUP_WRONG_PASSWORD);
      expect(await accountsWith(email)).toBe(0);
      await expect(confirm(second, 'another-long-pass-99')).resolves.toMatchObject({
        account: { email, displayName: 'Second Try' },
      });
      expect((await linkRow(world.hub.id))!.use_count).toBe(1);
    });

    it('refuses a confirmation when an account for the address appeared meanwhile, or the link changed', async () => {
      const { world, token } = await openLink();
      const email = newEmail('raced');
      await join(token, email);
      const confirmToken = await confirmTokenFor(email);
      await call(ACCOUNT_PATTERNS.CREATE, {
        email,
        displayName: 'Other Route',
        password: PASSWORD,
        emailVerified: true,
      });
      await expectCode(confirm(confirmToken), ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);

      const disabledEmail = newEmail('disabled');
      await join(token, disabledEmail);
      const disabledToken = await confirmTokenFor(disabledEmail);
      const rotatedEmail = newEmail('rotated');
      await join(token, rotatedEmail);
      const rotatedToken = await confirmTokenFor(rotatedEmail);
      await update(world, { enabled: false });
      await expectCode(confirm(disabledToken), ERROR_CODES.REGISTRATION_LINK_DISABLED);
      await update(world, { enabled: true });
      await rotate(world);
      await expectCode(confirm(rotatedToken), ERROR_CODES.REGISTRATION_LINK_ROTATED);
      expect(await accountsWith(disabledEmail)).toBe(0);
      expect(await accountsWith(rotatedEmail)).toBe(0);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
    });

    it('an account whose address is not verified picks up no invites and is not added at once', async () => {
      const world = await createWorld();
      const email = newEmail('unverified');
      await call(INVITE_PATTERNS.CREATE, { actor: world.admin, hubId: world.hub.id, email, userType: 'TEAM_MEMBER' });
      const spy = await spyOnEvents();
      const unverified = await call(ACCOUNT_PATTERNS.CREATE, { email, displayName: 'Not Proven', password: PASSWORD });
      await spy.waitFor('invite.account.created');
      const other = await inviteInNewHub(email, 'Oona Other-Admin');
      expect(other.outcome).toBe('invited');
      // Account creation and the housekeeping pickup had their chance (the grants loop runs every 200 ms).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await inviteStatus(world.hub.id, email)).toEqual(['pending']);
      expect(await membershipOf(world.hub.id, unverified.id)).toBeNull();
      expect(await membershipOf(other.hub.id, unverified.id)).toBeNull();
    });

    it('gives Team Member membership only when a Hub admin set the link to it', async () => {
      const { world, token } = await openLink({ userType: 'TEAM_MEMBER' });
      const result = await joinAndConfirm(token, newEmail());
      expect(await membershipOf(world.hub.id, result.account.id)).toMatchObject({
        userType: 'TEAM_MEMBER',
        isHubAdmin: false,
      });
    });

    it('refuses an address that already has an account (in another case), and changes nothing', async () => {
      const { world, token } = await openLink();
      const existing = await call(ACCOUNT_PATTERNS.CREATE, {
        email: newEmail('Existing.Person'),
        displayName: 'Existing Person',
        password: PASSWORD,
      });
      const before = { uses: (await linkRow(world.hub.id))!.use_count, members: await memberCount(world.hub.id) };
      await expectCode(
        join(token, existing.email.toUpperCase(), { password: 'another-long-pass-99' }),
        ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS,
        'You already have an account — ask a member of this Hub to invite you.',
      );
      expect((await linkRow(world.hub.id))!.use_count).toBe(before.uses);
      expect(await memberCount(world.hub.id)).toBe(before.members);
      expect(await membershipOf(world.hub.id, existing.id)).toBeNull();
      expect(await accountsWith(existing.email)).toBe(1);
      expect((await linkEvents(world.hub.id)).map((e) => e.event_name)).not.toContain(REGISTRATION_LINK_EVENTS.USED);
      // The existing password still works; the one typed on the link did nothing.
      await expectCode(
        call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, { email: existing.email, password: 'another-long-pass-99' }),
        ERROR_CODES.AUTH_INVALID_CREDENTIALS,
      );
    });

    it('allows only exact domains: look-alikes and subdomains are refused, and nothing changes', async () => {
      const { world, token } = await openLink({ allowedDomains: ['example.com'] });
      for (const email of [
        'eve@evil-example.com',
        'eve@example.com.evil.test',
        'eve@mail.example.com',
        'eve@examplecom.test',
      ]) {
        await expectCode(join(token, email), ERROR_CODES.REGISTRATION_LINK_DOMAIN_NOT_ALLOWED);
        expect(await accountsWith(email)).toBe(0);
      }
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
      const ok = await join(token, newEmail('Okay', 'EXAMPLE.com'));
      expect(ok.email).toMatch(/@example\.com$/);
    });

    it('rotation kills the old URL at once; the new one works', async () => {
      const { world, token: oldToken } = await openLink();
      const rotated = await rotate(world);
      const newToken = tokenOf(rotated);
      expect(newToken).not.toBe(oldToken);
      expect((await getLink(world, world.admin)).url).toBe(rotated.url);

      await expectCode(preview(oldToken), ERROR_CODES.REGISTRATION_LINK_ROTATED);
      const refused = newEmail();
      await expectCode(join(oldToken, refused), ERROR_CODES.REGISTRATION_LINK_ROTATED);
      expect(await accountsWith(refused)).toBe(0);
      await expect(joinAndConfirm(newToken, newEmail())).resolves.toMatchObject({
        membership: { hubId: world.hub.id },
      });
    });

    it('unknown, malformed and tampered tokens are not found', async () => {
      const { token } = await openLink();
      const tampered = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
      for (const bad of [tampered, 'abc', 'x'.repeat(100), randomBytes(32).toString('base64url'), '../../etc/passwd']) {
        await expectCode(preview(bad), ERROR_CODES.REGISTRATION_LINK_NOT_FOUND);
        await expectCode(join(bad, newEmail()), ERROR_CODES.REGISTRATION_LINK_NOT_FOUND);
      }
    });

    it('a disabled link refuses sign-ups; enabling it again brings the same URL back', async () => {
      const { world, token } = await openLink();
      await update(world, { enabled: false });
      expect(await preview(token)).toMatchObject({ status: 'disabled' });
      const email = newEmail();
      await expectCode(join(token, email), ERROR_CODES.REGISTRATION_LINK_DISABLED);
      expect(await accountsWith(email)).toBe(0);
      const again = await update(world, { enabled: true });
      expect(tokenOf(again)).toBe(token);
      await expect(joinAndConfirm(token, email)).resolves.toMatchObject({ account: { email } });
    });

    it('an expired link refuses sign-ups and changes nothing', async () => {
      const { world, token } = await openLink({ expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
      // Time passes: the expiry is now behind us.
      await queryTestDb(
        `UPDATE invite.registration_links SET expires_at = now() - interval '1 minute' WHERE hub_id = $1`,
        [world.hub.id],
      );
      expect(await preview(token)).toMatchObject({ status: 'expired' });
      expect(await getLink(world, world.admin)).toMatchObject({ enabled: true, status: 'expired' });
      const email = newEmail();
      await expectCode(join(token, email), ERROR_CODES.REGISTRATION_LINK_EXPIRED);
      expect(await accountsWith(email)).toBe(0);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
    });

    it('refuses a weak password and an address that is not one, with nothing changed', async () => {
      const { world, token } = await openLink();
      const email = newEmail();
      await expectCode(join(token, email, { password: 'password123' }), ERROR_CODES.ACCOUNT_WEAK_PASSWORD);
      await expectCode(join(token, email, { password: 'short' }), ERROR_CODES.ACCOUNT_WEAK_PASSWORD);
      await expectCode(join(token, 'not-an-address'), ERROR_CODES.ACCOUNT_INVALID_EMAIL);
      await expectCode(join(token, email, { displayName: '   ' }), ERROR_CODES.VALIDATION_FAILED);
      expect(await accountsWith(email)).toBe(0);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
      expect(await memberCount(world.hub.id)).toBe(1);
    });

    it('counts confirmed joins exactly under concurrency: with a limit of N, N parallel ones succeed and the next fails cleanly', async () => {
      const N = 5;
      const { world, token } = await openLink({ maxUses: N });
      const emails = Array.from({ length: N + 1 }, (_, i) => newEmail(`racer${i}`));
      // Sign-ups count nothing: all N + 1 are recorded; the confirmations race for the N uses.
      for (const email of emails) await join(token, email);
      const confirmTokens = await Promise.all(emails.map(confirmTokenFor));
      const results = await Promise.allSettled(confirmTokens.map((confirmToken) => confirm(confirmToken)));

      const outcomes = results.map((r) => (r.status === 'fulfilled' ? 'joined' : (r.reason as { code?: string }).code));
      expect(outcomes.sort()).toEqual(
        [...Array<string>(N).fill('joined'), ERROR_CODES.REGISTRATION_LINK_USED_UP].sort(),
      );

      const accounts = await Promise.all(emails.map(accountsWith));
      expect(accounts.reduce((a, b) => a + b, 0)).toBe(N);
      expect((await linkRow(world.hub.id))!.use_count).toBe(N);
      expect(await memberCount(world.hub.id)).toBe(1 + N);
      expect(
        (await linkEvents(world.hub.id)).filter((e) => e.event_name === REGISTRATION_LINK_EVENTS.USED),
      ).toHaveLength(N);
      expect(await getLink(world, world.admin)).toMatchObject({ status: 'used_up', useCount: N });
      await expectCode(join(token, newEmail()), ERROR_CODES.REGISTRATION_LINK_USED_UP);
    });

    it('concurrent sign-ups with one address keep one pending sign-up; confirmations through two links make one account', async () => {
      const { world, token } = await openLink();
      const email = newEmail('Sam.Same');
      const results = await Promise.allSettled([email, email.toUpperCase(), ` ${email} `].map((e) => join(token, e)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(await pendingSignups(email)).toHaveLength(1);
      expect(await accountsWith(email)).toBe(0);

      const second = await openLink();
      await join(second.token, email);
      const [viaFirst] = await queryTestDb<{ payload: { confirmUrl: string } }>(
        `SELECT payload FROM invite.outbox WHERE event_name = $1 AND payload->>'email' = lower($2) AND payload->>'hubId' = $3
         ORDER BY created_at DESC LIMIT 1`,
        [SIGNUP_EVENTS.CONFIRMATION_REQUESTED, email, world.hub.id],
      );
      const tokens = [viaFirst.payload.confirmUrl.split('/join/confirm/')[1], await confirmTokenFor(email)];
      const confirmed = await Promise.allSettled(tokens.map((t) => confirm(t)));
      expect(confirmed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of confirmed.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        expect(r.reason).toMatchObject({ code: ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS });
      }
      expect(await accountsWith(email)).toBe(1);
      expect((await linkRow(world.hub.id))!.use_count + (await linkRow(second.world.hub.id))!.use_count).toBe(1);
      expect((await memberCount(world.hub.id)) + (await memberCount(second.world.hub.id))).toBe(3);
    });

    it('limits sign-up attempts per link (failed attempts count), leaving other links alone', async () => {
      const { world, token } = await openLink();
      for (let i = 0; i < PER_LINK_LIMIT; i++) {
        await expectCode(join(token, newEmail(), { password: 'weak' }), ERROR_CODES.ACCOUNT_WEAK_PASSWORD);
      }
      const email = newEmail();
      const error = await join(token, email).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: ERROR_CODES.REGISTRATION_LINK_RATE_LIMITED,
        details: { retryAfterSeconds: expect.any(Number) },
      });
      expect(await accountsWith(email)).toBe(0);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
      // Opening the page is not a sign-up attempt.
      await expect(preview(token)).resolves.toMatchObject({ status: 'open' });
      const other = await openLink();
      await expect(join(other.token, newEmail())).resolves.toMatchObject({ hubName: other.world.hub.name });
    });

    it('makes the membership step recoverable: a confirmation while the hub is down is granted once it is back', async () => {
      const { world, token } = await openLink();
      const email = newEmail();
      await join(token, email);
      const confirmToken = await confirmTokenFor(email);
      await processes.stop('hub');
      let result;
      try {
        result = await confirm(confirmToken);
      } finally {
        await processes.start('hub', hubPort, hubEnv);
      }
      expect(result.membership).toMatchObject({ hubId: world.hub.id, granted: false });
      await eventually(
        async () => (await membershipOf(world.hub.id, result.account.id)) !== null,
        'the membership',
        30_000,
      );
      await eventually(
        async () =>
          (
            await queryTestDb<{ status: string }>(
              `SELECT status FROM invite.membership_grants WHERE source = 'registration_link' AND account_id = $1`,
              [result.account.id],
            )
          )[0].status === 'done',
        'the grant marked done',
        30_000,
      );
      expect(await membershipOf(world.hub.id, result.account.id)).toMatchObject({ userType: 'EXTERNAL_MEMBER' });
    });

    it("makes the address's pending invites to other Hubs take effect too", async () => {
      const { token } = await openLink();
      const other = await createWorld(makeActor('Oona Other-Admin'));
      const email = newEmail('invited');
      const created = await call(INVITE_PATTERNS.CREATE, {
        actor: other.admin,
        hubId: other.hub.id,
        email,
        userType: 'TEAM_MEMBER',
      });
      expect(created.outcome).toBe('invited');
      const result = await joinAndConfirm(token, email);
      await eventually(
        async () => (await membershipOf(other.hub.id, result.account.id)) !== null,
        'the invited membership',
        30_000,
      );
      expect(await membershipOf(other.hub.id, result.account.id)).toMatchObject({ userType: 'TEAM_MEMBER' });
    });
  });

  // ── over HTTP: the JSON API and the public page ───────────────────────────────────────────────────

  describe('over HTTP', () => {
    it('serves the link settings under the Hub with the permission rules', async () => {
      const world = await createWorld(await account('Ada Admin'));
      const teamMember = await addMember(world, await account('Tom Team'), 'TEAM_MEMBER');
      const external = await addMember(world, await account('Ed External'), 'EXTERNAL_MEMBER');
      const stranger = await account('Stan Stranger');
      const path = `/api/v1/hubs/${world.hub.id}/registration-link`;
      const admin = await signIn(world.admin);

      expect(await http('GET', path, { token: admin })).toMatchObject({
        status: 200,
        json: { enabled: false, url: null },
      });
      const enabled = await http('PATCH', path, {
        token: admin,
        json: { enabled: true, allowedDomains: ['Example.com'] },
      });
      expect(enabled).toMatchObject({ status: 200, json: { enabled: true, allowedDomains: ['example.com'] } });
      const rotated = await http('POST', `${path}/rotate`, { token: admin });
      expect(rotated.status).toBe(200);
      expect(rotated.json!.url).not.toBe(enabled.json!.url);

      const team = await signIn(teamMember);
      expect(await http('GET', path, { token: team })).toMatchObject({
        status: 200,
        json: { url: rotated.json!.url, canManage: false },
      });
      expect(await http('PATCH', path, { token: team, json: { enabled: false } })).toMatchObject({
        status: 403,
        json: { code: ERROR_CODES.PERMISSION_DENIED },
      });
      expect((await http('POST', `${path}/rotate`, { token: team })).status).toBe(403);
      expect(await http('GET', path, { token: await signIn(external) })).toMatchObject({
        status: 403,
        json: { code: ERROR_CODES.PERMISSION_DENIED },
      });
      expect((await http('GET', path, { token: await signIn(stranger) })).status).toBe(404);
      expect((await http('GET', path)).status).toBe(401);
      expect(await http('PATCH', path, { token: admin, json: { enabled: true, colour: 'red' } })).toMatchObject({
        status: 400,
        json: { code: ERROR_CODES.VALIDATION_FAILED },
      });
      expect((await http('PATCH', path, { token: admin, json: { maxUses: -1 } })).status).toBe(400);
      expect((await http('GET', '/api/v1/hubs/not-a-uuid/registration-link', { token: admin })).status).toBe(400);
    });

    it('GET /join/{token} shows the Hub (escaped) and a form, and changes nothing', async () => {
      const { world, token } = await openLink(
        { allowedDomains: ['example.com'] },
        `<script>alert("x")</script> & Co ${randomUUID().slice(0, 4)}`,
      );
      const before = await linkRow(world.hub.id);
      const [{ count: accountsBefore }] = await queryTestDb<{ count: string }>('SELECT count(*) FROM invite.accounts');

      const page = await http('GET', `/join/${token}`, { from: freshAddress() });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(page.text).toContain('<form method="post">');
      expect(page.text).toContain('name="email"');
      expect(page.text).toContain('<strong>example.com</strong>');

      expect(await linkRow(world.hub.id)).toEqual(before);
      const [{ count: accountsAfter }] = await queryTestDb<{ count: string }>('SELECT count(*) FROM invite.accounts');
      expect(accountsAfter).toBe(accountsBefore);
    });

    it('POST /join/{token} says "check your inbox"; the confirm page shows, and only its POST creates the account', async () => {
      const { world, token } = await openLink({ userType: 'TEAM_MEMBER' });
      const email = newEmail('Page.Person');
      const from = freshAddress();
      const posted = await http('POST', `/join/${token}`, {
        from,
        form: { email, displayName: 'Pat <b>Page</b>', password: PASSWORD },
      });
      expect(posted.status).toBe(202);
      expect(posted.text).toContain(
        `Check your inbox: we sent a link to confirm <strong>${email.toLowerCase()}</strong>`,
      );
      const signInAs = () =>
        http('POST', '/api/v1/auth/sign-in', { json: { email, password: PASSWORD }, from: freshAddress() });
      expect((await signInAs()).status).toBe(401);

      const confirmPath = `/join/confirm/${await confirmTokenFor(email)}`;
      const page = await http('GET', confirmPath, { from });
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.text).toContain('Pat &lt;b&gt;Page&lt;/b&gt;');
      expect(page.text).toContain(email.toLowerCase());
      expect(page.text).toContain('<form method="post">');
      expect((await http('GET', confirmPath, { from })).status).toBe(200);
      expect((await signInAs()).status).toBe(401);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);

      const wrong = await http('POST', confirmPath, { from, form: { password: 'not-the-password-42' } });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('not the password chosen when signing up');
      expect((await signInAs()).status).toBe(401);

      const confirmed = await http('POST', confirmPath, { from, form: { password: PASSWORD } });
      expect(confirmed.status).toBe(303);
      // Confirmed: signed in (a session cookie) and taken to the Hub.
      expect(confirmed.headers.get('location')).toBe(`/hubs/${world.hub.id}/contacts`);
      expect(confirmed.headers.get('set-cookie')).toMatch(/^gatehouse_session=[^;]+;.*HttpOnly/i);
      const signIn = await signInAs();
      expect(signIn.status).toBe(200);
      const me = (signIn.json!.account as { id: string }).id;
      expect(await membershipOf(world.hub.id, me)).toMatchObject({ userType: 'TEAM_MEMBER' });
      expect((await linkRow(world.hub.id))!.use_count).toBe(1);

      const again = await http('POST', confirmPath, { from, form: { password: PASSWORD } });
      expect(again.status).toBe(410);
      expect(again.text).toContain('already used');
      expect(again.text).toContain('Sign in');
      expect((await http('GET', confirmPath, { from })).status).toBe(410);
      expect((await http('GET', '/join/confirm/not-a-real-token', { from })).status).toBe(404);
      expect((await linkRow(world.hub.id))!.use_count).toBe(1);
    });

    it('answers closed links, existing accounts and disallowed domains with clear pages, changing nothing', async () => {
      const { world, token } = await openLink({ allowedDomains: ['example.com'] });
      const from = freshAddress();
      const existing = await call(ACCOUNT_PATTERNS.CREATE, {
        email: newEmail('Had.One'),
        displayName: 'Had One',
        password: PASSWORD,
      });

      const exists = await http('POST', `/join/${token}`, {
        from,
        form: { email: existing.email.toUpperCase(), displayName: 'Had One', password: PASSWORD },
      });
      expect(exists.status).toBe(409);
      expect(exists.text).toContain('You already have an account — ask a member of this Hub to invite you.');

      const domain = await http('POST', `/join/${token}`, {
        from,
        form: { email: 'eve@evil-example.com', displayName: 'Eve', password: PASSWORD },
      });
      expect(domain.status).toBe(403);
      expect(domain.text).toContain('only for email addresses at example.com');
      expect(domain.text).toContain('value="eve@evil-example.com"');
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);

      await update(world, { enabled: false });
      expect((await http('GET', `/join/${token}`, { from })).status).toBe(410);
      const disabled = await http('POST', `/join/${token}`, {
        from: freshAddress(),
        form: { email: newEmail(), displayName: 'Late', password: PASSWORD },
      });
      expect(disabled.status).toBe(410);
      expect(disabled.text).toContain('turned off');

      await update(world, { enabled: true });
      await rotate(world);
      const rotated = await http('GET', `/join/${token}`, { from });
      expect(rotated.status).toBe(410);
      expect(rotated.text).toContain('replaced');
      expect((await http('GET', '/join/not-a-real-token', { from })).status).toBe(404);
      expect((await http('GET', `/join/${'x'.repeat(300)}`, { from })).status).toBe(404);
      expect((await linkRow(world.hub.id))!.use_count).toBe(0);
    });

    it('limits sign-up attempts per client address (429 page with Retry-After)', async () => {
      const { token } = await openLink();
      const from = freshAddress();
      for (let i = 0; i < PER_ADDRESS_SUBMIT_LIMIT; i++) {
        const weak = await http('POST', `/join/${token}`, {
          from,
          form: { email: newEmail(), displayName: 'R', password: 'weak' },
        });
        expect(weak.status).toBe(400);
        expect(weak.text).toContain('too weak');
      }
      const email = newEmail();
      const limited = await http('POST', `/join/${token}`, {
        from,
        form: { email, displayName: 'R', password: PASSWORD },
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.text).toContain('Too many attempts');
      expect(await accountsWith(email)).toBe(0);

      const elsewhere = await http('POST', `/join/${token}`, {
        from: freshAddress(),
        form: { email, displayName: 'R', password: PASSWORD },
      });
      expect(elsewhere.status).toBe(202);
    });

    it('turns the per-link limit into a 429 page too', async () => {
      const { token } = await openLink();
      for (let i = 0; i < PER_LINK_LIMIT; i++) {
        await expectCode(join(token, newEmail(), { password: 'weak' }), ERROR_CODES.ACCOUNT_WEAK_PASSWORD);
      }
      const limited = await http('POST', `/join/${token}`, {
        from: freshAddress(),
        form: { email: newEmail(), displayName: 'R', password: PASSWORD },
      });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
