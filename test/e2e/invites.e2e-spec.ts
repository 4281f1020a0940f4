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
import { ProcessGroup } from '@gatehouse/processes';
import {
  EventSpy,
  deleteNamespace,
  freePort,
  newNamespace,
  resetSchemas,
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

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const gatewayPort = await freePort();
    base = `http://127.0.0.1:${gatewayPort}`;
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

  async function api(method: string, path: string, token?: string, body?: unknown) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, any> };
  }

  async function page(url: string, form?: Record<string, string>) {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
    });
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  async function signIn(email: string) {
    const response = await api('POST', '/api/v1/auth/sign-in', undefined, { email, password });
    expect(response.status).toBe(200);
    return response.body.accessToken as string;
  }

  async function waitFor(condition: () => boolean, what: string) {
    const deadline = Date.now() + 15_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}\n${group.recentOutput()}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

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
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, { email: adminEmail, displayName: 'Tess Admin', password });
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Example Org',
      slug: `example-${randomUUID().slice(0, 8)}`,
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const token = await signIn(adminEmail);
    const hubName = `Falcon <b>& "friends"</b>`;
    const hub = await api('POST', '/api/v1/hubs', token, { tenancyId: tenancy.id, name: hubName });
    expect(hub.status).toBe(201);
    const hubId = hub.body.id as string;

    // No user type: refused with a clear sentence, nothing sent.
    const grace = `Grace.Hopper.${randomUUID().slice(0, 8)}@Example.com`;
    const noType = await api('POST', `/api/v1/hubs/${hubId}/invites`, token, { email: grace });
    expect(noType.status).toBe(400);
    expect(noType.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(noType.body.message).toContain(USER_TYPE_REQUIRED_MESSAGE);

    // Invite: 201, `invited`, the address normalised.
    const invited = await api('POST', `/api/v1/hubs/${hubId}/invites`, token, {
      email: grace,
      userType: 'EXTERNAL_MEMBER',
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
    await api('POST', `/api/v1/hubs/${hubId}/invites`, token, { email, userType: 'EXTERNAL_MEMBER' }); // no second email
    await flushInviteEvents();
    expect(createdFor(email)).toHaveLength(1);
    const [{ acceptUrl, event }] = createdFor(email);
    expect(event).toMatchObject({ hubId, hubName, inviterName: 'Tess Admin', userType: 'EXTERNAL_MEMBER' });
    expect(acceptUrl.startsWith(`${base}/invite/`)).toBe(true);

    // The pending invite is listed.
    const listed = await api('GET', `/api/v1/hubs/${hubId}/invites`, token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { email: string }) => i.email)).toEqual([email]);

    // GET the accept page: Hub, inviter, the address read-only, a form; escaped; changes nothing.
    const shown = await page(acceptUrl);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^text\/html/);
    expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shown.headers.get('cache-control')).toBe('no-store');
    expect(shown.html).toContain('Falcon &lt;b&gt;&amp; &quot;friends&quot;&lt;/b&gt;');
    expect(shown.html).not.toContain('<b>& "friends"</b>');
    expect(shown.html).toContain('Tess Admin');
    expect(shown.html).toMatch(new RegExp(`value="${email.replace(/[.]/g, '\\.')}" readonly`));
    expect((await page(acceptUrl)).status).toBe(200);
    expect((await api('GET', `/api/v1/hubs/${hubId}/invites`, token)).body.total).toBe(1);

    // A weak password: the form again, with the reason, and the name kept.
    const weak = await page(acceptUrl, { displayName: 'Grace Hopper', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.html).toContain('too weak');
    expect(weak.html).toContain('value="Grace Hopper"');

    // POST the form: the account exists and is a member with the chosen user type.
    const accepted = await page(acceptUrl, { displayName: 'Grace Hopper', password });
    expect(accepted.status).toBe(200);
    expect(accepted.html).toContain('Welcome, Grace Hopper');
    expect(accepted.html).toContain('an External Member');
    const members = await api('GET', `/api/v1/hubs/${hubId}/members`, token);
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email, displayName: 'Grace Hopper', userType: 'EXTERNAL_MEMBER' }),
      ]),
    );
    expect((await api('GET', `/api/v1/hubs/${hubId}/invites`, token)).body.total).toBe(0);

    // The new account can sign in, and sees the Hub.
    const graceToken = await signIn(email);
    const hubs = await api('GET', '/api/v1/hubs', graceToken);
    expect(hubs.body.items.map((h: { id: string }) => h.id)).toEqual([hubId]);

    // The link is used up: a plain page saying so.
    const again = await page(acceptUrl);
    expect(again.status).toBe(410);
    expect(again.html).toContain('already been used');
    const postAgain = await page(acceptUrl, { displayName: 'Someone', password });
    expect(postAgain.status).toBe(410);

    // Unknown tokens get a plain 404 page.
    const unknown = await page(`${base}/invite/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('not valid');
  });

  it('adds a registered address at once; revokes and resends through the API', async () => {
    const adminEmail = `ada.${randomUUID().slice(0, 8)}@example.com`;
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, { email: adminEmail, displayName: 'Ada Admin', password });
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Other Org',
      slug: `other-${randomUUID().slice(0, 8)}`,
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const token = await signIn(adminEmail);
    const hubId = (await api('POST', '/api/v1/hubs', token, { tenancyId: tenancy.id, name: 'Osprey' })).body.id;

    const bob = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: `bob.${randomUUID().slice(0, 8)}@example.com`,
      displayName: 'Bob Builder',
      password,
    });
    const added = await api('POST', `/api/v1/hubs/${hubId}/invites`, token, {
      email: bob.email,
      userType: 'TEAM_MEMBER',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      outcome: 'added',
      membership: { hubId, accountId: bob.id, userType: 'TEAM_MEMBER' },
    });
    const bobsHubs = await api('GET', '/api/v1/hubs', await signIn(bob.email));
    expect(bobsHubs.body.items.map((h: { id: string }) => h.id)).toEqual([hubId]);
    const again = await api('POST', `/api/v1/hubs/${hubId}/invites`, token, {
      email: bob.email,
      userType: 'TEAM_MEMBER',
    });
    expect(again.body).toMatchObject({ outcome: 'already_member' });

    // Inviting oneself, an unknown field, a bad address, a bad id.
    expect(
      (await api('POST', `/api/v1/hubs/${hubId}/invites`, token, { email: adminEmail, userType: 'TEAM_MEMBER' })).body,
    ).toMatchObject({ code: 'INVITE.SELF' });
    expect(
      (
        await api('POST', `/api/v1/hubs/${hubId}/invites`, token, {
          email: 'x@example.com',
          userType: 'TEAM_MEMBER',
          role: 1,
        })
      ).status,
    ).toBe(400);
    const bad = await api('POST', `/api/v1/hubs/${hubId}/invites`, token, {
      email: 'not an address',
      userType: 'TEAM_MEMBER',
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'INVITE.INVALID_EMAIL' } });
    expect((await api('GET', `/api/v1/hubs/not-a-uuid/invites`, token)).status).toBe(400);
    expect((await api('GET', `/api/v1/hubs/${randomUUID()}/invites`, token)).status).toBe(404);
    expect((await api('GET', `/api/v1/hubs/${hubId}/invites`)).status).toBe(401);

    // Resend (a new link; the old one is dead), then revoke (the link shows "withdrawn").
    const email = `carol.${randomUUID().slice(0, 8)}@example.com`;
    const invite = (await api('POST', `/api/v1/hubs/${hubId}/invites`, token, { email, userType: 'TEAM_MEMBER' })).body
      .invite;
    await waitFor(() => createdFor(email).length === 1, 'the invite-created event');
    const oldUrl = createdFor(email)[0].acceptUrl;
    const resent = await api('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/resend`, token);
    expect(resent).toMatchObject({ status: 200, body: { id: invite.id, status: 'pending' } });
    const resentUrl = () =>
      spy
        .named<InvitesIssuedPayload>(INVITE_EVENTS.RESENT)
        .flatMap((e) => e.payload.invites)
        .find((i) => i.inviteId === invite.id)?.acceptUrl;
    await waitFor(() => resentUrl() !== undefined, 'the invite-resent event');
    expect((await page(oldUrl)).status).toBe(404);
    expect((await page(resentUrl()!)).status).toBe(200);

    const revoked = await api('DELETE', `/api/v1/hubs/${hubId}/invites/${invite.id}`, token);
    expect(revoked).toMatchObject({ status: 200, body: { status: 'revoked' } });
    const gone = await page(resentUrl()!);
    expect(gone.status).toBe(410);
    expect(gone.html).toContain('withdrawn');
    const resendRevoked = await api('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/revoke`, token);
    expect(resendRevoked.status).toBe(200);
    expect((await api('POST', `/api/v1/hubs/${hubId}/invites/${invite.id}/resend`, token)).body).toMatchObject({
      code: 'INVITE.NOT_PENDING',
    });
  });
});
