import { DeliveryView } from '@gatehouse/contracts';
import { createHash } from 'node:crypto';
import { GatehouseSystem, JsonBody, ReceivedMail, TenantAdminFixture, queryTestDb } from '@gatehouse/testing';

/**
 * The invite email's whole path, as people meet it: the compiled hub, invite, notification and gateway
 * processes on the real PostgreSQL and RabbitMQ, a real SMTP server in this process, everything driven
 * over HTTP. A tenant admin sets the tenancy's invite message appendix and invites two addresses: the
 * unregistered one gets the invite email (appendix at the bottom), follows its link, creates the account
 * and joins; the registered one is a member at once and gets the "added" notice. The tenancy's delivery
 * log shows both, a failed delivery can be retried from it, and the console's preview renders the
 * appendix. No test waits for a fixed time: every wait is for a state, with a deadline.
 */
/** How long an email may take to arrive before the test gives up (a deadline, not a speed check). */
const EMAIL_DEADLINE_MS = 30_000;

describe('the invite email path, end to end', () => {
  const system = new GatehouseSystem({
    label: 'e2e-email-path',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '1000' },
  });
  const password = 'correct horse battery staple';
  const appendix = 'Questions? Call the service desk on 0800 123 456.\nAcme <Security> & Co. — {{not a template}}';
  const appendixHtml = 'Acme &lt;Security&gt; &amp; Co. — {{not a template}}';
  const hubName = 'Falcon & Friends';
  let tess: TenantAdminFixture;
  let hubId: string;

  beforeAll(() => system.start(), 120_000);
  afterAll(() => system.stop());

  const tenancyPath = () => `/api/v1/tenancies/${tess.tenancy.id}`;
  const adminCall = (method: string, path: string, json?: unknown) =>
    system.http.call(method, path, { token: tess.token, json });

  /** The tenancy's delivery records, newest first (one page is plenty here). */
  async function deliveries(query = ''): Promise<{ items: DeliveryView[]; total: number }> {
    const response = await adminCall('GET', `${tenancyPath()}/deliveries?limit=500${query}`);
    expect(response.status).toBe(200);
    return response.body as { items: DeliveryView[]; total: number };
  }

  /** Waits until the delivery to this address is in that status, and returns it. */
  function deliveryTo(recipient: string, status: DeliveryView['status']): Promise<DeliveryView> {
    return system.pollUntil(
      async () => (await deliveries()).items.find((d) => d.recipient === recipient && d.status === status),
      `a ${status} delivery to ${recipient}`,
    );
  }

  /**
   * Every email asked for so far has been handled: an invite to a fresh address (made after them) got
   * its email and its delivery is sent. Run after the actions whose absence of email is asserted.
   */
  async function flushEmails(): Promise<void> {
    const marker = `marker.${Date.now()}@example.com`;
    const invited = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: marker,
      userType: 'TEAM_MEMBER',
    });
    expect(invited.body).toMatchObject({ outcome: 'invited' });
    await system.sink.waitFor(marker, 1, EMAIL_DEADLINE_MS);
    await deliveryTo(marker, 'sent');
  }

  const dateInWords = (iso: string) =>
    new Date(iso).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

  it('invites, emails with the appendix, accepts through the emailed link, adds a registered address with a notice', async () => {
    tess = await system.createTenantAdmin({
      email: 'tess.admin@example.com',
      displayName: 'Tess Admin',
      password,
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(tess, hubName);

    // The policy API refuses a blank or over-long appendix with the hub's own codes.
    expect(await adminCall('PATCH', `${tenancyPath()}/policy`, { inviteMessageAppendix: ' \n\t ' })).toMatchObject({
      status: 400,
      body: { code: 'POLICY.APPENDIX_BLANK' },
    });
    const tooLong = await adminCall('PATCH', `${tenancyPath()}/policy`, { inviteMessageAppendix: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({ status: 400, body: { code: 'POLICY.APPENDIX_TOO_LONG' } });

    // The tenant admin sets the appendix (PATCH …/policy; stored trimmed, with "\n" line ends).
    const policy = await system.setInviteAppendix(tess, `  ${appendix.replace('\n', '\r\n')}\r\n`);
    expect(policy).toMatchObject({ tenancyId: tess.tenancy.id, inviteMessageAppendix: appendix });

    // Invite an address that has no account: one invite email.
    const invited = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: ' Grace.Hopper@Example.COM ',
      userType: 'EXTERNAL_MEMBER',
    });
    expect(invited.status).toBe(201);
    const grace = 'grace.hopper@example.com';
    expect(invited.body).toMatchObject({ outcome: 'invited', email: grace, emailSent: true });
    const [email] = await system.sink.waitFor(grace, 1, EMAIL_DEADLINE_MS);
    expect(email.to).toEqual([grace]);
    expect(email.subject).toBe(`Tess Admin invited you to ${hubName} on Gatehouse`);
    expect(email.headers['auto-submitted']).toBe('auto-generated');
    expect(email.text).toContain(`Tess Admin invited you to join ${hubName} on Gatehouse as an External Member.`);
    expect(email.text).toContain(
      `This invite is for ${grace} and expires on ${dateInWords(invited.body.invite.expiresAt)}.`,
    );
    // The appendix is the very last thing in both parts, escaped in HTML, never run as a template.
    expect(email.text.trimEnd().endsWith(appendix)).toBe(true);
    expect(email.html).toContain('Falcon &amp; Friends');
    expect(email.html).toContain(appendixHtml);
    expect(email.html.indexOf(appendixHtml)).toBeGreaterThan(email.html.indexOf('This message was sent by Gatehouse'));
    expect(email.html).not.toContain('<Security>');

    // Follow the link in the email's text.
    const link = acceptLink(email);
    expect(link.startsWith(`${system.http.baseUrl}/invite/`)).toBe(true);
    const page = await system.http.call('GET', link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Join Falcon &amp; Friends');
    expect(page.text).toContain('Tess Admin');
    expect(page.text).toContain(`value="${grace}" readonly`);
    const accepted = await system.http.call('POST', link, { form: { displayName: 'Grace Hopper', password } });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/hubs/${hubId}/contacts`);

    // The new account signs in and is a member with the chosen user type.
    const graceToken = await system.http.signIn(grace, password);
    const gracesHubs = await system.http.call('GET', '/api/v1/hubs', { token: graceToken });
    expect(gracesHubs.body.items.map((h: JsonBody) => h.id)).toEqual([hubId]);
    await system.pollUntil(async () => {
      const members = await adminCall('GET', `/api/v1/hubs/${hubId}/members`);
      return members.body.items.some(
        (m: JsonBody) => m.email === grace && m.displayName === 'Grace Hopper' && m.userType === 'EXTERNAL_MEMBER',
      );
    }, 'Grace in the member list');

    // Invite an address that has an account: a member at once, and the "added" notice (no appendix).
    const bob = await system.createAccount('bob.builder@example.com', 'Bob Builder', password);
    const added = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: 'Bob.Builder@example.com',
      userType: 'TEAM_MEMBER',
    });
    expect(added).toMatchObject({
      status: 201,
      body: { outcome: 'added', membership: { hubId, accountId: bob.id, userType: 'TEAM_MEMBER' } },
    });
    const members = await adminCall('GET', `/api/v1/hubs/${hubId}/members`);
    expect(members.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: bob.email, displayName: 'Bob Builder', userType: 'TEAM_MEMBER' }),
      ]),
    );
    const [notice] = await system.sink.waitFor(bob.email, 1, EMAIL_DEADLINE_MS);
    expect(notice.subject).toBe(`You were added to ${hubName} on Gatehouse`);
    expect(notice.text).toContain(`Tess Admin added you to ${hubName} on Gatehouse as a Team Member.`);
    expect(notice.text).toContain(`${system.http.baseUrl}/`);
    expect(notice.text).not.toContain('service desk');

    // Inviting either again changes nothing and sends nothing.
    for (const address of [grace, bob.email]) {
      const again = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
        email: address,
        userType: 'TEAM_MEMBER',
      });
      expect(again.body).toMatchObject({ outcome: 'already_member' });
    }
    await flushEmails();
    expect(system.sink.to(grace)).toHaveLength(1);
    expect(system.sink.to(bob.email)).toHaveLength(1);
    expect(system.sink.messages).toHaveLength(3);

    // The delivery log over HTTP: both sent, once each.
    const graceDelivery = await deliveryTo(grace, 'sent');
    expect(graceDelivery).toMatchObject({ template: 'invite', attempts: 1, hubId, tenancyId: tess.tenancy.id });
    expect(graceDelivery.messageId).toBe(email.headers['message-id']);
    const bobDelivery = await deliveryTo(bob.email, 'sent');
    expect(bobDelivery).toMatchObject({ template: 'member-added', attempts: 1, hubId });
    const log = await deliveries();
    expect(log.total).toBe(3);
    expect(log.items.filter((d) => d.recipient === grace || d.recipient === bob.email)).toHaveLength(2);
    expect((await deliveries('&status=sent')).total).toBe(3);
    expect((await deliveries('&status=failed')).total).toBe(0);
    expect((await deliveries(`&hubId=${hubId}`)).total).toBe(3);
    expect(await adminCall('GET', `${tenancyPath()}/deliveries?status=bounced`)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED' },
    });

    // Only a failed delivery can be retried.
    expect(await adminCall('POST', `${tenancyPath()}/deliveries/${graceDelivery.id}/retry`)).toMatchObject({
      status: 409,
      body: { code: 'DELIVERY.NOT_RETRYABLE' },
    });
    expect(
      await adminCall('POST', `${tenancyPath()}/deliveries/00000000-0000-4000-8000-000000000000/retry`),
    ).toMatchObject({ status: 404, body: { code: 'DELIVERY.NOT_FOUND' } });
    expect(await adminCall('POST', `${tenancyPath()}/deliveries/not-a-uuid/retry`)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED' },
    });
  }, 120_000);

  /** What the delivery row keeps of its render data, and the invite's stored token hash and expiry. */
  const storedVars = async (deliveryId: string) =>
    (await queryTestDb<{ vars: JsonBody }>('SELECT vars FROM notification.deliveries WHERE id = $1', [deliveryId]))[0]
      .vars;
  const storedInvite = async (inviteId: string) =>
    (
      await queryTestDb<{ token_hash: string; expires_at: Date; status: string }>(
        'SELECT token_hash, expires_at, status FROM invite.invites WHERE id = $1',
        [inviteId],
      )
    )[0];
  const tokenHashOf = (link: string) => createHash('sha256').update(link.split('/invite/')[1], 'utf8').digest('hex');

  /** Invites an address the sink refuses; waits for its failed delivery. */
  async function inviteRefused(address: string): Promise<{ failed: DeliveryView; inviteId: string }> {
    system.sink.rejectRecipient(address, 550, 'Mailbox unavailable');
    const invited = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: address,
      userType: 'TEAM_MEMBER',
    });
    expect(invited.body).toMatchObject({ outcome: 'invited' });
    const failed = await deliveryTo(address, 'failed');
    expect(failed.lastError).toContain('Mailbox unavailable');
    // Failed, it keeps no link at rest — only which invite it is for.
    const inviteId = (invited.body.invite as { id: string }).id;
    expect(await storedVars(failed.id)).toEqual(expect.not.objectContaining({ acceptUrl: expect.anything() }));
    expect(await storedVars(failed.id)).toMatchObject({ inviteId });
    return { failed, inviteId };
  }

  it('retries a refused invite email on the same row with a new link for the same invite; the old token is gone', async () => {
    const carol = 'carol.refused@example.com';
    const { failed, inviteId } = await inviteRefused(carol);
    expect((await deliveries('&status=failed')).items.map((d) => d.recipient)).toEqual([carol]);
    const before = await storedInvite(inviteId);

    system.sink.acceptRecipient(carol);
    const retried = await adminCall('POST', `${tenancyPath()}/deliveries/${failed.id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { id: failed.id, status: 'queued', attempts: 0 } });
    const [email] = await system.sink.waitFor(carol, 1, EMAIL_DEADLINE_MS);
    expect(email.text.trimEnd().endsWith(appendix)).toBe(true);
    // One row for Carol, failed → queued → sent.
    expect(await deliveryTo(carol, 'sent')).toMatchObject({ id: failed.id, attempts: 1 });
    expect((await deliveries(`&recipient=${encodeURIComponent(carol)}`)).total).toBe(1);

    // A new token for the same pending invite (the old one is stored nowhere), its expiry kept.
    const link = acceptLink(email);
    const after = await storedInvite(inviteId);
    expect(after.token_hash).not.toBe(before.token_hash);
    expect(after.token_hash).toBe(tokenHashOf(link));
    expect(after.expires_at.toISOString()).toBe(before.expires_at.toISOString());
    expect(await storedVars(failed.id)).toBeNull();

    // The emailed link works: Carol joins through it.
    expect((await system.http.call('GET', link)).text).toContain('Join Falcon &amp; Friends');
    const accepted = await system.http.call('POST', link, { form: { displayName: 'Carol Refused', password } });
    expect(accepted).toMatchObject({ status: 303 });
    expect(accepted.headers.get('location')).toBe(`/hubs/${hubId}/contacts`);

    // The audit log names who renewed the link.
    const audit = await system.pollUntil(async () => {
      const page = await adminCall('GET', `${tenancyPath()}/audit?action=invite.link_renewed`);
      return page.body.items?.length > 0 ? page.body.items : undefined;
    }, 'the link renewal in the audit log');
    expect(audit).toEqual([expect.objectContaining({ subject: carol, actorAccountId: tess.admin.id })]);
  }, 120_000);

  it('refuses to retry the failed email of an invite accepted or resent since', async () => {
    const dave = 'dave.refused@example.com';
    const daves = await inviteRefused(dave);
    // Dave signs up by another route: his pending invite is accepted with the new account.
    await system.createAccount(dave, 'Dave Refused', password);
    await system.pollUntil(
      async () => (await storedInvite(daves.inviteId)).status === 'accepted',
      "Dave's invite accepted",
    );
    system.sink.acceptRecipient(dave);
    const refused = await adminCall('POST', `${tenancyPath()}/deliveries/${daves.failed.id}/retry`);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'DELIVERY.NOT_RETRYABLE', details: { reason: 'accepted' } },
    });
    expect(refused.body.message).toBe(
      'This invite has been accepted since: the person has joined and needs no invite email.',
    );

    // Erin's invite is resent after her email failed: the resend's email carries the live link.
    const erin = 'erin.refused@example.com';
    const erins = await inviteRefused(erin);
    system.sink.acceptRecipient(erin);
    expect(await adminCall('POST', `/api/v1/hubs/${hubId}/invites/${erins.inviteId}/resend`)).toMatchObject({
      status: 200,
    });
    const [resent] = await system.sink.waitFor(erin, 1, EMAIL_DEADLINE_MS);
    const again = await adminCall('POST', `${tenancyPath()}/deliveries/${erins.failed.id}/retry`);
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'DELIVERY.NOT_RETRYABLE', details: { reason: 'resent' } },
    });
    expect((await storedInvite(erins.inviteId)).token_hash).toBe(tokenHashOf(acceptLink(resent)));
    expect(await storedVars(erins.failed.id)).toEqual(expect.not.objectContaining({ acceptUrl: expect.anything() }));
    await flushEmails();
    expect(system.sink.to(dave)).toHaveLength(0);
    expect(system.sink.to(erin)).toHaveLength(1);
  }, 120_000);

  it("retries an import's failed invite emails in bulk with new links, and says why any stayed failed", async () => {
    const [frank, gina, hal] = ['frank.bulk@example.com', 'gina.bulk@example.com', 'hal.bulk@example.com'];
    for (const address of [frank, gina]) system.sink.rejectRecipient(address, 550, 'Mailbox unavailable');
    const form = new FormData();
    form.append('userType', 'TEAM_MEMBER');
    form.append('file', new Blob([`email\n${frank}\n${gina}\n${hal}\n`], { type: 'text/csv' }), 'three.csv');
    const upload = await system.http.call('POST', `/api/v1/hubs/${hubId}/invite-imports`, {
      token: tess.token,
      multipart: form,
    });
    expect(upload.status).toBe(202);
    const importId = upload.body.id as string;
    const failedFrank = await deliveryTo(frank, 'failed');
    await deliveryTo(gina, 'failed');
    await deliveryTo(hal, 'sent');
    const frankInviteId = String((await storedVars(failedFrank.id)).inviteId);
    const before = await storedInvite(frankInviteId);
    // Gina joins by another route meanwhile: her invite email is not needed any more.
    await system.createAccount(gina, 'Gina Bulk', password);
    await system.pollUntil(async () => {
      const [row] = await queryTestDb<{ status: string }>('SELECT status FROM invite.invites WHERE email = $1', [gina]);
      return row?.status === 'accepted';
    }, "Gina's invite accepted");

    for (const address of [frank, gina]) system.sink.acceptRecipient(address);
    const bulk = await adminCall('POST', `${tenancyPath()}/deliveries/retry-failed`, { importId });
    expect(bulk).toMatchObject({
      status: 200,
      body: { importId, requeued: 1, expired: 0, notPending: 1, resent: 0, linkGone: 0 },
    });
    const [email] = await system.sink.waitFor(frank, 1, EMAIL_DEADLINE_MS);
    expect(await deliveryTo(frank, 'sent')).toMatchObject({ id: failedFrank.id });
    const link = acceptLink(email);
    const after = await storedInvite(frankInviteId);
    expect(after.token_hash).not.toBe(before.token_hash);
    expect(after.token_hash).toBe(tokenHashOf(link));
    expect((await system.http.call('GET', link)).text).toContain('Join Falcon &amp; Friends');
    expect((await deliveries(`&recipient=${encodeURIComponent(gina)}`)).items).toEqual([
      expect.objectContaining({ status: 'failed' }),
    ]);
    // Nothing left to retry.
    expect(await adminCall('POST', `${tenancyPath()}/deliveries/retry-failed`, { importId })).toMatchObject({
      body: { requeued: 0, notPending: 1 },
    });
    await flushEmails();
    expect(system.sink.to(gina)).toHaveLength(0);
  }, 120_000);

  it("renders the console's live preview: the current appendix, a draft, or none — and checks drafts like the policy API", async () => {
    const preview = (json: unknown) => adminCall('POST', `${tenancyPath()}/policy/preview`, json);

    const current = await preview({});
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ subject: 'Tess Admin invited you to Example Hub on Gatehouse', appendix });
    expect((current.body.text as string).trimEnd().endsWith(appendix)).toBe(true);
    expect(current.body.html).toContain(appendixHtml);

    const draft = await preview({ appendix: 'Draft: <b>{{hubName}}</b>', hubName: 'Osprey' });
    expect(draft).toMatchObject({
      status: 200,
      body: { subject: 'Tess Admin invited you to Osprey on Gatehouse', appendix: 'Draft: <b>{{hubName}}</b>' },
    });
    expect((draft.body.text as string).trimEnd().endsWith('Draft: <b>{{hubName}}</b>')).toBe(true);
    expect(draft.body.html).toContain('Draft: &lt;b&gt;{{hubName}}&lt;/b&gt;');

    const none = await preview({ appendix: null });
    expect(none).toMatchObject({ status: 200, body: { appendix: null } });
    expect(none.body.text).not.toContain('service desk');

    expect(await preview({ appendix: '   ' })).toMatchObject({ status: 400, body: { code: 'POLICY.APPENDIX_BLANK' } });
    expect(await preview({ appendix: 'y'.repeat(2001) })).toMatchObject({
      status: 400,
      body: { code: 'POLICY.APPENDIX_TOO_LONG' },
    });
    expect(await preview({ hubName: '' })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await preview({ colour: 'red' })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    // A preview sends nothing and records nothing.
    // Three, Carol's, Dave's, Erin's two, a marker, the import's three and its marker.
    expect((await deliveries()).total).toBe(12);
  });

  it('lets only tenant admins of the tenancy and operators at the delivery log and the preview', async () => {
    const paths: [string, string][] = [
      ['GET', `${tenancyPath()}/deliveries`],
      ['POST', `${tenancyPath()}/deliveries/00000000-0000-4000-8000-000000000000/retry`],
      ['POST', `${tenancyPath()}/policy/preview`],
    ];
    const as = (token: string | undefined) =>
      Promise.all(
        paths.map(([method, path]) =>
          system.http.call(method, path, { token, json: method === 'POST' ? {} : undefined }),
        ),
      );

    // A member of one of the tenancy's Hubs (not a tenant admin) is told "not allowed".
    const graceToken = await system.http.signIn('grace.hopper@example.com', password);
    for (const response of await as(graceToken)) {
      expect(response).toMatchObject({ status: 403, body: { code: 'PERMISSION.DENIED' } });
    }
    // Anyone else does not learn that the tenancy exists.
    await system.createAccount('stranger@elsewhere.example', 'Stranger', password);
    const strangerToken = await system.http.signIn('stranger@elsewhere.example', password);
    for (const response of await as(strangerToken)) {
      expect(response).toMatchObject({ status: 404, body: { code: 'TENANCY.NOT_FOUND' } });
    }
    const unknown = await adminCall('GET', '/api/v1/tenancies/00000000-0000-4000-8000-000000000000/deliveries');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'TENANCY.NOT_FOUND' } });
    expect(await adminCall('GET', '/api/v1/tenancies/nope/deliveries')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION.FAILED' },
    });
    for (const response of await as(undefined)) expect(response.status).toBe(401);

    // An operator sees any tenancy's log.
    await system.createAccount('olive.operator@example.com', 'Olive Operator', password, { isOperator: true });
    const operatorToken = await system.http.signIn('olive.operator@example.com', password);
    const seen = await system.http.call('GET', `${tenancyPath()}/deliveries`, { token: operatorToken });
    expect(seen).toMatchObject({ status: 200, body: { total: 12 } });

    // The endpoints are in the OpenAPI document.
    const doc = await system.http.call('GET', '/api/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/tenancies/{tenancyId}/deliveries',
        '/api/v1/tenancies/{tenancyId}/deliveries/{deliveryId}/retry',
        '/api/v1/tenancies/{tenancyId}/policy/preview',
      ]),
    );
  }, 120_000);
});

/** The accept link from an invite email's plain-text part. */
function acceptLink(email: ReceivedMail): string {
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(email.text)?.[0];
  if (!link) throw new Error(`No accept link in the email:\n${email.text}`);
  return link;
}
