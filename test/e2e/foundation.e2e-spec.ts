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
 * The whole system as a user meets it: the compiled hub, invite and gateway processes on the real
 * PostgreSQL and RabbitMQ, driven over HTTP.
 */
describe('foundation, end to end', () => {
  const namespace = newNamespace('e2e-foundation');
  const group = new ProcessGroup();
  let rpc: RpcClient;
  let http: HttpTestClient;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const env = testProcessEnv(namespace, { JWT_SECRET: 'e2e-secret-'.repeat(4), SIGN_IN_RATE_LIMIT: '5' });
    await group.start('hub', await freePort(), env);
    await group.start('invite', await freePort(), env);
    const gateway = await group.start('gateway', await freePort(), env);
    http = new HttpTestClient(`http://127.0.0.1:${gateway.port}`);
    rpc = testRpcClient(namespace);
  }, 120_000);

  afterAll(async () => {
    await rpc?.close();
    await group.stop();
    await deleteNamespace(namespace);
  });

  it('signs in, creates a Hub and lists its members', async () => {
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: 'Tess.Admin@Example.com',
      displayName: 'Tess Admin',
      password,
      emailVerified: true,
    });
    expect(admin.email).toBe('tess.admin@example.com');
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Example Org',
      slug: 'example-org',
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });

    const signIn = await http.call('POST', '/api/v1/auth/sign-in', {
      json: { email: 'TESS.ADMIN@example.com', password },
    });
    expect(signIn.status).toBe(200);
    const token = signIn.body.accessToken as string;
    expect(token.split('.')).toHaveLength(3);

    const hub = await http.call('POST', '/api/v1/hubs', { token, json: { tenancyId: tenancy.id, name: 'Falcon' } });
    expect(hub.status).toBe(201);
    expect(hub.body).toMatchObject({ name: 'Falcon', membership: { isHubAdmin: true, userType: 'TEAM_MEMBER' } });

    const members = await http.call('GET', `/api/v1/hubs/${hub.body.id}/members`, { token });
    expect(members.status).toBe(200);
    expect(members.body.total).toBe(1);
    expect(members.body.items[0]).toMatchObject({ email: 'tess.admin@example.com', isHubAdmin: true });

    const audit = await http.call('GET', `/api/v1/tenancies/${tenancy.id}/audit`, { token });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual(
      expect.arrayContaining(['tenancy.created', 'hub.created', 'member.added']),
    );
  });

  it('refuses requests without a valid token, and keeps health public', async () => {
    expect((await http.call('GET', '/api/v1/hubs')).body.code).toBe('AUTH.REQUIRED');
    expect((await http.call('GET', '/api/v1/hubs')).status).toBe(401);
    expect((await http.call('GET', '/api/v1/hubs', { token: 'not.a.token' })).status).toBe(401);
    expect((await http.call('GET', '/health/live')).status).toBe(200);
    expect((await http.call('GET', '/health/ready')).body).toMatchObject({ status: 'ok' });
    expect((await http.call('GET', '/metrics')).status).toBe(401);
  });

  it('answers bad input with a stable code and a readable message', async () => {
    const signIn = await http.call('POST', '/api/v1/auth/sign-in', {
      json: { email: 'tess.admin@example.com', password },
    });
    const token = signIn.body.accessToken as string;
    const unknownField = await http.call('POST', '/api/v1/hubs', {
      token,
      json: { name: 'X', tenancyId: 'nope', colour: 'red' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.code).toBe('VALIDATION.FAILED');
    expect(unknownField.body.message).toContain('colour');
    expect(unknownField.body.message).toContain('tenancyId');

    const badId = await http.call('GET', '/api/v1/hubs/not-a-uuid/members', { token });
    expect(badId).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });

    const stranger = await http.call('GET', '/api/v1/hubs/00000000-0000-4000-8000-000000000000', { token });
    expect(stranger).toMatchObject({ status: 404, body: { code: 'HUB.NOT_FOUND' } });

    const huge = await http.call('POST', '/api/v1/auth/sign-in', { json: { email: 'x'.repeat(200_000), password } });
    expect(huge).toMatchObject({ status: 413, body: { code: 'REQUEST.TOO_LARGE' } });

    const notJson = await fetch(`${http.baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await http.call('POST', '/api/v1/auth/sign-in', { json: { email: 'x@example.com', password: 'wrong' } }))
          .status,
      );
    }
    expect(statuses).toContain(401);
    const limited = await http.call('POST', '/api/v1/auth/sign-in', {
      json: {
        email: 'x@example.com',
        password: 'wrong',
      },
    });
    expect(limited).toMatchObject({ status: 429, body: { code: 'AUTH.RATE_LIMITED' } });
  });

  it('serves the OpenAPI document', async () => {
    const doc = await http.call('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/hubs', '/api/v1/auth/sign-in']));
  });
});
