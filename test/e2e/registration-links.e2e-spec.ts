import { ACCOUNT_PATTERNS, HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { ProcessGroup } from '@gatehouse/processes';
import {
  HttpTestClient,
  deleteNamespace,
  freePort,
  newNamespace,
  resetSchemas,
  testProcessEnv,
  testRpcClient,
} from '@gatehouse/testing';
import { randomBytes } from 'node:crypto';

/**
 * A registration link as people meet it: the compiled hub, invite and gateway processes on the real
 * PostgreSQL and RabbitMQ, driven over HTTP. A Hub admin turns the link on through the API; someone new
 * opens the join page, signs up with the form, signs in and is a member with the link's user type.
 */
describe('registration links, end to end', () => {
  const namespace = newNamespace('e2e-reglinks');
  const group = new ProcessGroup();
  const publicBaseUrl = 'https://gatehouse.example';
  let rpc: RpcClient;
  let http: HttpTestClient;
  const password = 'correct horse battery staple';

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const env = testProcessEnv(namespace, {
      JWT_SECRET: 'e2e-secret-'.repeat(4),
      PUBLIC_BASE_URL: publicBaseUrl,
      REGISTRATION_LINK_TOKEN_KEY: randomBytes(32).toString('hex'),
    });
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

  const signIn = (email: string) => http.signIn(email, password);

  it('an admin enables the link; a new person joins through the page, signs in and is a member with its user type', async () => {
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: 'ada@acme.example',
      displayName: 'Ada Admin',
      password,
    });
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Acme',
      slug: 'acme',
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const adminToken = await signIn('ada@acme.example');
    const hub = await http.call('POST', '/api/v1/hubs', {
      token: adminToken,
      json: { tenancyId: tenancy.id, name: 'Falcon & Friends' },
    });
    expect(hub.status).toBe(201);
    const hubId = hub.body!.id as string;
    const linkPath = `/api/v1/hubs/${hubId}/registration-link`;

    // Off by default; the admin turns it on through the API.
    expect(await http.call('GET', linkPath, { token: adminToken })).toMatchObject({
      status: 200,
      body: { enabled: false, url: null },
    });
    const enabled = await http.call('PATCH', linkPath, { token: adminToken, json: { enabled: true, maxUses: 10 } });
    expect(enabled).toMatchObject({
      status: 200,
      body: { enabled: true, status: 'open', userType: 'EXTERNAL_MEMBER' },
    });
    const url = enabled.body!.url as string;
    expect(url.startsWith(`${publicBaseUrl}/join/`)).toBe(true);
    const joinPath = new URL(url).pathname;

    // Opening the page shows the Hub and a form.
    const page = await http.call('GET', joinPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Join Falcon &amp; Friends');
    expect(page.text).toContain('<form method="post">');

    // Signing up with the form creates the account and the membership.
    const joined = await http.call('POST', joinPath, {
      form: { email: 'Nia.Newcomer@Elsewhere.example', displayName: 'Nia Newcomer', password },
    });
    expect(joined.status).toBe(201);
    expect(joined.text).toContain('Welcome, Nia Newcomer');

    // The new person signs in and is a member of the Hub, as an External Member (the link's user type).
    const niaToken = await signIn('nia.newcomer@elsewhere.example');
    const hubSeenByNia = await http.call('GET', `/api/v1/hubs/${hubId}`, { token: niaToken });
    expect(hubSeenByNia).toMatchObject({
      status: 200,
      body: { name: 'Falcon & Friends', membership: { userType: 'EXTERNAL_MEMBER', isHubAdmin: false } },
    });
    // …and, as an External Member, may not see the link.
    expect(await http.call('GET', linkPath, { token: niaToken })).toMatchObject({
      status: 403,
      body: { code: 'PERMISSION.DENIED' },
    });

    // The admin sees the use counted, and the second sign-up with that address is refused plainly.
    expect(await http.call('GET', linkPath, { token: adminToken })).toMatchObject({ body: { useCount: 1 } });
    const again = await http.call('POST', joinPath, {
      form: { email: 'nia.newcomer@elsewhere.example', displayName: 'Nia Again', password },
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('You already have an account — ask a member of this Hub to invite you.');

    // Rotation kills the old URL at once.
    const rotated = await http.call('POST', `${linkPath}/rotate`, { token: adminToken });
    expect(rotated.status).toBe(200);
    expect((await http.call('GET', joinPath)).status).toBe(410);
    expect((await http.call('GET', new URL(rotated.body!.url as string).pathname)).status).toBe(200);
  });
});
