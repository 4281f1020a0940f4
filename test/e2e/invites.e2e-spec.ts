import {
  ACCOUNT_EVENTS,
  ACCOUNT_PATTERNS,
  AccountCreatedPayload,
  HUB_PATTERNS,
  INVITE_EVENTS,
  InvitesIssuedPayload,
  SYSTEM_ACTOR,
  USER_TYPE_REQUIRED_MESSAGE,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import {
  ProcessGroup,
  EventSpy,
  HttpTestClient,
  SESSION_COOKIE,
  deleteNamespace,
  freePort,
  newNamespace,
  pollUntil,
  resetSchemas,
  sessionCookieOf,
  testProcessEnv,
  testRpcClient,
} from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';

/**
 * Individual invites through the whole system: the compiled hub, invite and gateway processes on the
 * real PostgreSQL and RabbitMQ, driven over HTTP as a person and their browser would. (Needs
 * `npm run build`.) The invite email itself belongs to the notification service: here the accept link
 * is taken from the invite.invite.created event that the email is rendered from.
 */
describe('individual invites, end to end', () => {
  const namespace = newNamespace('e2e-invites');
  const group = new ProcessGroup();
  const password = 'correct horse battery staple';
  let rpc: RpcClient;
  let spy: EventSpy;
  let base: string;
  let http: HttpTestClient;

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const gatewayPort = await freePort();
    base = `http://127.0.0.1:${gatewayPort}`;
    http = new HttpTestClient(base);
    const env = testProcessEnv(namespace, { JWT_SECRET: 'x'.repeat(40), PUBLIC_BASE_URL: base });
    spy = await EventSpy.start(namespace);
    await group.start('hub', await freePort(), env);
    await group.start('invite', await freePort(), env);
    await group.start('gateway', gatewayPort, env);
    rpc = testRpcClient(namespace);
  }, 120_000);

  afterAll(async () => {
    await spy?.stop();
    await rpc?.close();
    await group.stop();
    await deleteNamespace(namespace);
  });

  const signIn = (email: string) => http.signIn(email, password);

  const waitFor = (condition: () => boolean, what: string) =>
    pollUntil(condition, what, { detail: () => group.recentOutput() });

  /** Every event the invite service committed so far has reached the spy (it relays in commit order). */
  async function flushInviteEvents() {
    const marker = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: `marker.${randomUUID()}@example.com`,
      displayName: 'Marker',
      password,
    });
    await waitFor(
      () => spy.named<AccountCreatedPayload>(ACCOUNT_EVENTS.CREATED).some((e) => e.payload.accountId === marker.id),
      'the marker event',
    );
  }

  const createdFor = (email: string) =>
    spy
      .named<InvitesIssuedPayload>(INVITE_EVENTS.CREATED)
      .flatMap((e) => e.payload.invites.map((invite) => ({ ...invite, event: e.payload })))
      .filter((invite) => invite.email === email);

  it('invites an unregistered address, who accepts through the page, joins, and can sign in', async () => {
    // A tenant admin (an account, made the way the bootstrap command makes one) and their Hub.
    const adminEmail = `tess.${randomUUID().slice(0, 8)}@example.com`;
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: adminEmail,
      displayName: 'Tess Admin',
      password,
      emailVerified: true,
    });
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Example Org',
      slug: `example-${randomUUID().slice(0, 8)}`,
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const token = await signIn(adminEmail);
    const hubName = `Falcon <b>& "friends"</b>`;
    const hub = await http.call('POST', '/api/v1/hubs', { token, json: { tenancyId: tenancy.id, name: hubName } });
    expect(hub.status).toBe(201);
    const hubId = hub.body.id as string;

    // No user type: refused with a clear sentence, nothing sent.
    const grace = `Grace.Hopper.${randomUUID().slice(0, 8)}@Example.com`;
    const noType = await http.call('POST', `/api/v1/hubs/${hubId}/invites`, { token, json: { email: grace } });
    expect(noType.status).toBe(400);
    expect(noType.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(noType.body.message).toContain(USER_TYPE_REQUIRED_MESSAGE);

    // Invite: 201, `invited`, the address normalised.
    const invited = await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
      token,
      json: {
        email: grace,
        userType: 'EXTERNAL_MEMBER',
      },
    });
    expect(invited.status).toBe(201);
    const email = grace.toLowerCase();
    expect(invited.body).toMatchObject({
      outcome: 'invited',
      email,
      emailSent: true,
      invite: { hubId, email, userType: 'EXTERNAL_MEMBER', status: 'pending', inviterName: 'Tess Admin' },
    });

    // The invite-created event is published exactly once, with the accept link.
    await waitFor(() => createdFor(email).length > 0, 'the invite-created event');
    await http.call('POST', `/api/v1/hubs/${hubId}/invites`, { token, json: { email, userType: 'EXTERNAL_MEMBER' } }); // no second email
    await flushInviteEvents();
    expect(createdFor(email)).toHaveLength(1);
    const [{ acceptUrl, event }] = createdFor(email);
    expect(event).toMatchObject({ hubId, hubName, inviterName: 'Tess Admin', userType: 'EXTERNAL_MEMBER' });
    expect(acceptUrl.startsWith(`${base}/invite/`)).toBe(true);

    // The pending invite is listed.
    const listed = await http.call('GET', `/api/v1/hubs/${hubId}/invites`, { token });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { email: string }) => i.email)).toEqual([email]);

    // GET the accept page: Hub, inviter, the address read-only, a form; escaped; changes nothing.
    const shown = await http.call('GET', acceptUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.text).toContain('Falcon &lt;b&gt;&amp; &quot;friends&quot;&lt;/b&gt;');
    expect(shown.text).not.toContain('<b>& "friends"</b>');
    expect(shown.text).toContain('Tess Admin');
    expect(shown.text).toMatch(new RegExp(`value="${email.replace(/[.]/g, '\\.')}" readonly`));
    expect((await http.call('GET', acceptUrl)).status).toBe(200);
    expect((await http.call('GET', `/api/v1/hubs/${hubId}/invites`, { token })).body.total).toBe(1);

    // A weak password: the form again, with the reason, and the name kept.
    const weak = await http.call('POST', acceptUrl, { form: { displayName: 'Grace Hopper', password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('too weak');
    expect(weak.text).toContain('value="Grace Hopper"');

    // POST the form: the account exists, is signed in on this browser (session cookie) and is sent to
    // the Hub in the web app; it is a member with the chosen user type.
    const accepted = await http.call('POST', acceptUrl, { form: { displayName: 'Grace Hopper', password } });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/hubs/${hubId}/contacts`);
    const cookie = sessionCookieOf(accepted);
    expect(cookie?.attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax']),
    );
    const session = await http.call('GET', '/api/v1/auth/session', {
      headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` },
    });
    expect(session.status).toBe(200);
    expect(session.body.account).toMatchObject({ email, displayName: 'Grace Hopper' });
    const landing = await http.call('GET', accepted.headers.get('location')!);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/^text\/html/);
    const members = await http.call('GET', `/api/v1/hubs/${hubId}/members`, { token });
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email, displayName: 'Grace Hopper', userType: 'EXTERNAL_MEMBER' }),
      ]),
    );
    expect((await http.call('GET', `/api/v1/hubs/${hubId}/invites`, { token })).body.total).toBe(0);

    // The new account can sign in, and sees the Hub.
    const graceToken = await signIn(email);
    const hubs = await http.call('GET', '/api/v1/hubs', { token: graceToken });
    expect(hubs.body.items.map((h: { id: string }) => h.id)).toEqual([hubId]);

    // The link is used up: a plain page saying so.
    const again = await http.call('GET', acceptUrl);
    expect(again.status).toBe(410);
    expect(again.text).toContain('already been used');
    const postAgain = await http.call('POST', acceptUrl, { form: { displayName: 'Someone', password } });
    expect(postAgain.status).toBe(410);

    // Unknown tokens get a plain 404 page.
    const unknown = await http.call('GET', `${base}/invite/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('not valid');
  });

  it('adds a registered address at once; revokes and resends through the API', async () => {
    const adminEmail = `ada.${randomUUID().slice(0, 8)}@example.com`;
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: adminEmail,
      displayName: 'Ada Admin',
      password,
      emailVerified: true,
    });
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Other Org',
      slug: `other-${randomUUID().slice(0, 8)}`,
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const token = await signIn(adminEmail);
    const hubId = (await http.call('POST', '/api/v1/hubs', { token, json: { tenancyId: tenancy.id, name: 'Osprey' } }))
      .body.id;

    const bob = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: `bob.${randomUUID().slice(0, 8)}@example.com`,
      displayName: 'Bob Builder',
      password,
      emailVerified: true,
    });
    const added = await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
      token,
      json: {
        email: bob.email,
        userType: 'TEAM_MEMBER',
      },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      outcome: 'added',
      membership: { hubId, accountId: bob.id, userType: 'TEAM_MEMBER' },
    });
    const bobsHubs = await http.call('GET', '/api/v1/hubs', { token: await signIn(bob.email) });
    expect(bobsHubs.body.items.map((h: { id: string }) => h.id)).toEqual([hubId]);
    const again = await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
      token,
      json: {
        email: bob.email,
        userType: 'TEAM_MEMBER',
      },
    });
    expect(again.body).toMatchObject({ outcome: 'already_member' });

    // Inviting oneself, an unknown field, a bad address, a bad id.
    expect(
      (
        await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
          token,
          json: { email: adminEmail, userType: 'TEAM_MEMBER' },
        })
      ).body,
    ).toMatchObject({ code: 'INVITE.SELF' });
    expect(
      (
        await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
          token,
          json: {
            email: 'x@example.com',
            userType: 'TEAM_MEMBER',
            role: 1,
          },
        })
      ).status,
    ).toBe(400);
    const bad = await http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
      token,
      json: {
        email: 'not an address',
        userType: 'TEAM_MEMBER',
      },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVITE.INVALID_EMAIL' } });
    expect((await http.call('GET', `/api/v1/hubs/not-a-uuid/invites`, { token })).status).toBe(400);
    expect((await http.call('GET', `/api/v1/hubs/${randomUUID()}/invites`, { token })).status).toBe(404);
    expect((await http.call('GET', `/api/v1/hubs/${hubId}/invites`)).status).toBe(401);

    // Resend (a new link; the old one is dead), then revoke (the link shows "withdrawn").
    const email = `carol.${randomUUID().slice(0, 8)}@example.com`;
    const invite = (
      await http.call('POST', `/api/v1/hubs/${hubId}/invites`, { token, json: { email, userType: 'TEAM_MEMBER' } })
    ).body.invite;
    await waitFor(() => createdFor(email).length === 1, 'the invite-created event');
    const oldUrl = createdFor(email)[0].acceptUrl;
    const resent = await http.call('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/resend`, { token });
    expect(resent).toMatchObject({ status: 200, body: { id: invite.id, status: 'pending' } });
    const resentUrl = () =>
      spy
        .named<InvitesIssuedPayload>(INVITE_EVENTS.RESENT)
        .flatMap((e) => e.payload.invites)
        .find((i) => i.inviteId === invite.id)?.acceptUrl;
    await waitFor(() => resentUrl() !== undefined, 'the invite-resent event');
    expect((await http.call('GET', oldUrl)).status).toBe(404);
    expect((await http.call('GET', resentUrl()!)).status).toBe(200);

    const revoked = await http.call('DELETE', `/api/v1/hubs/${hubId}/invites/${invite.id}`, { token });
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const gone = await http.call('GET', resentUrl()!);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('withdrawn');
    const resendRevoked = await http.call('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/revoke`, { token });
    expect(resendRevoked.status).toBe(200);
    expect(
      (await http.call('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/resend`, { token })).body,
    ).toMatchObject({
      code: 'INVITE.NOT_PENDING',
    });
  });
});
