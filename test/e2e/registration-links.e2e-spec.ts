import { InviteView } from '@gatehouse/contracts';
import {
  GatehouseSystem,
  JsonBody,
  ReceivedMail,
  SESSION_COOKIE,
  TenantAdminFixture,
  queryTestDb,
  sessionCookieOf,
} from '@gatehouse/testing';
import { randomBytes } from 'node:crypto';

/** How long an email may take to arrive before the test gives up (a deadline, not a speed check). */
const EMAIL_DEADLINE_MS = 30_000;

/**
 * A registration link as people meet it, with the address proven by email (issue 11): the compiled hub,
 * invite, notification and gateway processes on the real PostgreSQL and RabbitMQ, a real SMTP server in
 * this process, everything driven over HTTP. A Hub admin turns the link on; someone signs up with an
 * address that has pending invites; until the verification link in the email to that address is used,
 * nothing exists — no account, membership, use or picked-up invite. Then the owner confirms, signs in
 * and is a member, with the invites picked up.
 */
describe('registration links, end to end', () => {
  const system = new GatehouseSystem({
    label: 'e2e-reglinks',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '1000', REGISTRATION_LINK_TOKEN_KEY: randomBytes(32).toString('hex') },
  });
  const password = 'correct horse battery staple';
  const appendix = 'Questions? Call the Acme service desk on 0800 123 456.';
  let ada: TenantAdminFixture;

  beforeAll(() => system.start(), 120_000);
  afterAll(() => system.stop());

  const adminCall = (method: string, path: string, json?: unknown) =>
    system.http.call(method, path, { token: ada.token, json });

  async function invitesTo(hubId: string, email: string): Promise<InviteView[]> {
    const page = await adminCall('GET', `/api/v1/hubs/${hubId}/invites?limit=100`);
    expect(page.status).toBe(200);
    return (page.body.items as InviteView[]).filter((invite) => invite.email === email);
  }

  const signInStatus = async (email: string) =>
    (await system.http.call('POST', '/api/v1/auth/sign-in', { json: { email, password } })).status;

  it('a sign-up with an address yields nothing until the emailed link is confirmed; then the account, membership and invites follow', async () => {
    ada = await system.createTenantAdmin({
      email: 'ada@acme.example',
      displayName: 'Ada Admin',
      password,
      tenancyName: 'Acme',
    });
    await system.setInviteAppendix(ada, appendix);
    const hubId = await system.createHub(ada, 'Falcon & Friends');
    const otherHubId = await system.createHub(ada, 'Osprey');
    const linkPath = `/api/v1/hubs/${hubId}/registration-link`;

    const enabled = await adminCall('PATCH', linkPath, { enabled: true, maxUses: 10 });
    expect(enabled).toMatchObject({
      status: 200,
      body: { enabled: true, status: 'open', userType: 'EXTERNAL_MEMBER' },
    });
    const joinPath = new URL(enabled.body.url as string).pathname;
    const page = await system.http.call('GET', joinPath);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Join Falcon &amp; Friends');

    // The CFO has a pending invite to another Hub.
    const cfo = 'cfo@victim.example';
    const invited = await adminCall('POST', `/api/v1/hubs/${otherHubId}/invites`, {
      email: cfo,
      userType: 'TEAM_MEMBER',
    });
    expect(invited.body).toMatchObject({ outcome: 'invited' });
    await system.sink.waitFor(cfo, 1, EMAIL_DEADLINE_MS);

    // Someone else signs up through the link with the CFO's address.
    const joined = await system.http.call('POST', joinPath, {
      form: { email: 'CFO@Victim.example', displayName: 'Not The CFO', password },
    });
    expect(joined.status).toBe(202);
    expect(joined.text).toContain(`Check your inbox: we sent a link to confirm <strong>${cfo}</strong>`);

    // The verification email reaches the CFO's mailbox (only), with the confirm link and no appendix.
    const [, verification] = await system.sink.waitFor(cfo, 2, EMAIL_DEADLINE_MS);
    expect(verification.subject).toBe('Confirm your email address to join Falcon & Friends on Gatehouse');
    expect(verification.text).toContain('signed up to Gatehouse as Not The CFO with cfo@victim.example');
    expect(verification.text).not.toContain(appendix);
    expect(verification.html).not.toContain('Acme service desk');
    const confirmUrl = confirmLink(verification);
    expect(confirmUrl.startsWith(`${system.http.baseUrl}/join/confirm/`)).toBe(true);

    // Nothing exists yet: no account, no membership, no use; the invite stays pending; a new invite is
    // an invite, not an instant membership.
    const nothingYet = async () => {
      expect(await signInStatus(cfo)).toBe(401);
      expect((await adminCall('GET', linkPath)).body).toMatchObject({ useCount: 0 });
      expect((await adminCall('GET', `/api/v1/hubs/${hubId}/members`)).body.total).toBe(1);
      expect((await invitesTo(otherHubId, cfo)).map((i) => i.status)).toEqual(['pending']);
    };
    await nothingYet();
    const thirdHubId = await system.createHub(ada, 'Heron');
    const later = await adminCall('POST', `/api/v1/hubs/${thirdHubId}/invites`, {
      email: cfo,
      userType: 'EXTERNAL_MEMBER',
    });
    expect(later.body).toMatchObject({ outcome: 'invited' });

    // Mail scanners open the link: GET shows what will happen and changes nothing.
    const confirmPage = await system.http.call('GET', confirmUrl);
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.text).toContain(cfo);
    expect(confirmPage.text).toContain('Falcon &amp; Friends');
    expect(confirmPage.text).toContain('<form method="post">');
    await nothingYet();

    // The mailbox's owner confirms (with the password chosen at sign-up): signed in on this browser and
    // sent to the Hub in the web app.
    const confirmed = await system.http.call('POST', confirmUrl, { form: { password } });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/hubs/${hubId}/contacts`);
    const cookie = sessionCookieOf(confirmed);
    expect(cookie?.attributes.map((a) => a.toLowerCase())).toEqual(
      expect.arrayContaining(['httponly', 'samesite=lax']),
    );
    const session = await system.http.call('GET', '/api/v1/auth/session', {
      headers: { cookie: `${SESSION_COOKIE}=${cookie?.value}` },
    });
    expect(session.body.account).toMatchObject({ email: cfo });

    // The account signs in, is a member with the link's user type, and its invites were picked up.
    const cfoToken = await system.http.signIn(cfo, password);
    const seen = await system.http.call('GET', `/api/v1/hubs/${hubId}`, { token: cfoToken });
    expect(seen).toMatchObject({
      status: 200,
      body: { membership: { userType: 'EXTERNAL_MEMBER', isHubAdmin: false } },
    });
    expect((await adminCall('GET', linkPath)).body).toMatchObject({ useCount: 1 });
    await system.pollUntil(async () => {
      const hubs = await system.http.call('GET', '/api/v1/hubs', { token: cfoToken });
      const ids = new Set((hubs.body.items as JsonBody[]).map((h) => h.id as string));
      return ids.has(otherHubId) && ids.has(thirdHubId);
    }, 'the invited memberships');
    expect(await invitesTo(otherHubId, cfo)).toEqual([]); // no longer pending

    // The confirmation is single-use.
    const again = await system.http.call('POST', confirmUrl, { form: { password } });
    expect(again.status).toBe(410);
    expect(again.text).toContain('already used');
    expect(again.text).toContain(`href="/?email=${encodeURIComponent(cfo)}"`);
    expect((await adminCall('GET', linkPath)).body).toMatchObject({ useCount: 1 });

    // A second sign-up with that address is refused plainly, and rotation kills the old URL at once.
    const twice = await system.http.call('POST', joinPath, { form: { email: cfo, displayName: 'Again', password } });
    expect(twice.status).toBe(409);
    const rotated = await adminCall('POST', `${linkPath}/rotate`);
    expect((await system.http.call('GET', joinPath)).status).toBe(410);
    expect((await system.http.call('GET', new URL(rotated.body.url as string).pathname)).status).toBe(200);
  });

  it('an expired confirm link says so and creates nothing', async () => {
    const hubId = await system.createHub(ada, 'Kestrel');
    const enabled = await adminCall('PATCH', `/api/v1/hubs/${hubId}/registration-link`, { enabled: true });
    const late = 'late.comer@elsewhere.example';
    const joined = await system.http.call('POST', new URL(enabled.body.url as string).pathname, {
      form: { email: late, displayName: 'Late Comer', password },
    });
    expect(joined.status).toBe(202);
    const [email] = await system.sink.waitFor(late, 1, EMAIL_DEADLINE_MS);
    // A day passes.
    await queryTestDb(`UPDATE invite.pending_signups SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
      late,
    ]);
    const page = await system.http.call('GET', confirmLink(email));
    expect(page.status).toBe(410);
    expect(page.text).toContain('Sign up again through the registration link');
    const posted = await system.http.call('POST', confirmLink(email), { form: { password } });
    expect(posted.status).toBe(410);
    expect(await signInStatus(late)).toBe(401);
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/registration-link`)).body).toMatchObject({ useCount: 0 });
  });
});

function confirmLink(email: ReceivedMail): string {
  const link = /https?:\/\/\S+\/join\/confirm\/[A-Za-z0-9_-]+/.exec(email.text)?.[0];
  if (!link) throw new Error(`No confirm link in the email:\n${email.text}`);
  return link;
}
