import { ACCOUNT_PATTERNS, HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import {
  ProcessGroup,
  HttpTestClient,
  deleteNamespace,
  freePort,
  newNamespace,
  resetSchemas,
  testProcessEnv,
  testRpcClient,
} from '@gatehouse/testing';

/**
 * Gateway checks an attacker would probe: /metrics under other spellings, permission before an address
 * look-up, and whose X-Forwarded-For is believed for rate limits (TRUST_PROXY).
 */
describe('gateway hardening, end to end', () => {
  const namespace = newNamespace('e2e-gw-hardening');
  const group = new ProcessGroup();
  const JOIN_LIMIT = 3;
  const password = 'correct horse battery staple';
  let rpc: RpcClient;
  let http: HttpTestClient;
  let trusting = '';
  /** A second replica of `trusting` (same installation, same database). */
  let trustingReplica = '';
  let tenancyId = '';
  let tessToken = '';
  let samToken = '';

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const env = (trustProxy: string) =>
      testProcessEnv(namespace, {
        JWT_SECRET: 'e2e-secret-'.repeat(4),
        JOIN_PAGE_RATE_LIMIT: String(JOIN_LIMIT),
        SIGN_IN_RATE_LIMIT: '1000',
        TRUST_PROXY: trustProxy,
      });
    await group.start('hub', await freePort(), env('false'));
    await group.start('invite', await freePort(), env('false'));
    http = new HttpTestClient(
      `http://127.0.0.1:${(await group.start('gateway', await freePort(), env('false'))).port}`,
    );
    trusting = `http://127.0.0.1:${(await group.start('gateway', await freePort(), env('loopback'))).port}`;
    trustingReplica = `http://127.0.0.1:${(await group.start('gateway', await freePort(), env('loopback'))).port}`;
    rpc = testRpcClient(namespace);
    const account = (email: string, displayName: string) =>
      rpc.call(ACCOUNT_PATTERNS.CREATE, { email, displayName, password, emailVerified: true });
    const tess = await account('tess.admin@example.com', 'Tess Admin');
    await account('sam.stranger@example.com', 'Sam Stranger');
    tenancyId = (
      await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
        actor: SYSTEM_ACTOR,
        name: 'Example Org',
        slug: 'example-org',
        firstAdmin: { accountId: tess.id, email: tess.email, displayName: tess.displayName },
      })
    ).id;
    tessToken = await http.signIn('tess.admin@example.com', password);
    samToken = await http.signIn('sam.stranger@example.com', password);
  }, 120_000);

  afterAll(async () => {
    await rpc?.close();
    await group.stop();
    await deleteNamespace(namespace);
  });

  it('keeps /metrics for operators under every spelling the router accepts', async () => {
    for (const path of ['/metrics', '/metrics/', '/METRICS', '/Metrics/']) {
      // A tenant admin is signed in but no operator.
      const asAdmin = await http.call('GET', path, { token: tessToken });
      expect({ path, status: asAdmin.status, code: asAdmin.body?.code }).toEqual({
        path,
        status: 403,
        code: 'PERMISSION.DENIED',
      });
      expect({ path, status: (await http.call('GET', path)).status }).toEqual({ path, status: 401 });
    }
  });

  it('checks permission before looking an address up: a stranger cannot learn who has an account', async () => {
    for (const email of ['tess.admin@example.com', 'nobody.here@example.com']) {
      const added = await http.call('POST', `/api/v1/tenancies/${tenancyId}/admins`, {
        token: samToken,
        json: { email },
      });
      expect({ email, status: added.status, code: added.body.code }).toEqual({
        email,
        status: 404,
        code: 'TENANCY.NOT_FOUND',
      });
      const created = await http.call('POST', '/api/v1/tenancies', {
        token: samToken,
        json: { name: 'Mine', slug: 'mine-org', firstAdminEmail: email },
      });
      expect({ email, status: created.status, code: created.body.code }).toEqual({
        email,
        status: 403,
        code: 'PERMISSION.DENIED',
      });
    }
  });

  const view = (base: string, forwardedFor: string) =>
    fetch(`${base}/join/not-a-real-token`, { headers: { 'x-forwarded-for': forwardedFor } }).then((r) => r.status);

  it('TRUST_PROXY=false ignores a forwarded address: a new one per request still hits the limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= JOIN_LIMIT + 1; i++) statuses.push(await view(http.baseUrl, `203.0.113.${i}`));
    expect(statuses.slice(0, JOIN_LIMIT)).not.toContain(429);
    expect(statuses[JOIN_LIMIT]).toBe(429);
  });

  it('a trusted proxy (TRUST_PROXY=loopback) is believed: each forwarded client has its own limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= JOIN_LIMIT + 1; i++) statuses.push(await view(trusting, `198.51.100.${i}`));
    expect(statuses).not.toContain(429);
  });

  it('shares the limits between replicas: requests spread over two gateways, even at once, get the limit once', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 4 * JOIN_LIMIT }, (_, i) => view(i % 2 === 0 ? trusting : trustingReplica, '192.0.2.77')),
    );
    expect(statuses.filter((status) => status !== 429)).toHaveLength(JOIN_LIMIT);
    expect(await view(trustingReplica, '192.0.2.77')).toBe(429);
    expect(await view(trusting, '192.0.2.78')).not.toBe(429); // another client is not affected
  });
});
