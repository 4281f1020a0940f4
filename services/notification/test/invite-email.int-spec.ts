import { randomUUID } from 'node:crypto';
import { address, eventually, invitePayload, NotificationFixture, policyChanged } from './notification-fixture';
import { queryTestDb } from '@gatehouse/testing';

const FOOTER = 'This message was sent by Gatehouse. Replies to this address are not read.';

/** The visible text of an HTML document, roughly. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('invite emails (real RabbitMQ, PostgreSQL and SMTP)', () => {
  const fx = new NotificationFixture();
  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  it('arrives with the right subject, Hub, inviter, link and expiry', async () => {
    const to = address('grace');
    const payload = invitePayload({ recipients: [to], expiresAt: '2099-12-10T16:30:00.000Z' });
    const eventId = await fx.publishInvites(payload);

    const [mail] = await fx.sink.waitFor(to);
    const acceptUrl = payload.invites[0].acceptUrl;
    expect(mail.subject).toBe('Ada Lovelace invited you to Apollo Design on Gatehouse');
    expect(mail.headers['from']).toBe('Gatehouse <gatehouse@localhost>');
    expect(mail.headers['to']).toBe(to);
    expect(mail.headers['auto-submitted']).toBe('auto-generated');
    expect(mail.to).toEqual([to]);
    for (const body of [mail.text, visible(mail.html)]) {
      expect(body).toContain('Apollo Design');
      expect(body).toContain('Ada Lovelace');
      expect(body).toContain('10 December 2099');
      expect(body).toContain('External Member');
    }
    expect(mail.text).toContain(acceptUrl);
    expect(mail.html).toContain(`href="${acceptUrl.replace('=', '&#x3D;')}"`);

    // The worker records "sent" just after the SMTP server took the message: wait for it, then read it.
    const record = await fx.deliveryWithStatus(eventId, 'sent');
    expect(record).toMatchObject({ recipient: to, template: 'invite', status: 'sent', attempts: 1, last_error: null });
    expect(mail.headers['message-id']).toBe(record.message_id);
    expect(record.vars).toBeNull(); // the accept token does not stay at rest once the email is out
  });

  it('sends each invitee of a batch their own email, naming no one else', async () => {
    const recipients = [address('a'), address('b'), address('c')];
    const payload = invitePayload({ recipients });
    const eventId = await fx.publishInvites(payload);
    for (const [i, to] of recipients.entries()) {
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.to).toEqual([to]);
      expect(mail.headers['to']).toBe(to);
      expect(mail.headers['cc']).toBeUndefined();
      expect(mail.headers['bcc']).toBeUndefined();
      const others = recipients.filter((r) => r !== to);
      for (const other of others) expect(mail.raw).not.toContain(other);
      expect(mail.text).toContain(payload.invites[i].acceptUrl);
    }
    await eventually(
      async () => (await fx.deliveries(eventId)).every((d) => d.status === 'sent'),
      'every delivery of the batch recorded as sent',
    );
    expect((await fx.deliveries(eventId)).map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  describe('the invite message appendix', () => {
    const appendix = 'Questions? Call the service desk on 555-0100.\nOffice hours: 9 to 5.';

    it('is at the bottom of both parts when the tenancy policy sets it', async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, appendix);
      const to = address('with-appendix');
      await fx.publishInvites(invitePayload({ tenancyId, recipients: [to] }));
      const [mail] = await fx.sink.waitFor(to);

      expect(mail.text.trimEnd().endsWith(appendix)).toBe(true);
      expect(mail.text.indexOf(appendix)).toBeGreaterThan(mail.text.indexOf(FOOTER));
      const html = visible(mail.html);
      expect(html.endsWith('Questions? Call the service desk on 555-0100. Office hours: 9 to 5.')).toBe(true);
      expect(mail.html).toContain('Questions? Call the service desk on 555-0100.<br>\nOffice hours: 9 to 5.');
    });

    it('is absent when the policy is off, and a change applies to emails rendered after it', async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, appendix);
      await fx.setAppendix(tenancyId, null);
      const to = address('appendix-off');
      await fx.publishInvites(invitePayload({ tenancyId, recipients: [to] }));
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.text).not.toContain('Questions?');
      expect(mail.html).not.toContain('Questions?');
      expect(mail.text.trimEnd().endsWith(FOOTER)).toBe(true);
    });

    it('is absent for a tenancy the service has never heard of (the default)', async () => {
      const to = address('unknown-tenancy');
      await fx.publishInvites(invitePayload({ recipients: [to] }));
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.text.trimEnd().endsWith(FOOTER)).toBe(true);
    });

    it('ignores a policy event older than the one it has (out of order, redelivered)', async () => {
      const tenancyId = randomUUID();
      await fx.publishPolicy(policyChanged(tenancyId, 'Version three', 3));
      await fx.publishPolicy(policyChanged(tenancyId, 'Version two', 2));
      await fx.publishPolicy(policyChanged(tenancyId, 'Version three', 3));
      await fx.flushEvents();
      const rows = await queryTestDb(
        'SELECT invite_message_appendix, version FROM notification.tenancy_policies WHERE tenancy_id = $1',
        [tenancyId],
      );
      expect(rows).toEqual([{ invite_message_appendix: 'Version three', version: 3 }]);
    });

    it('is not added to the "you were added" notice', async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, appendix);
      const to = address('member');
      await fx.publishMembersAdded({
        hubId: randomUUID(),
        hubName: 'Apollo Design',
        tenancyId,
        addedByAccountId: randomUUID(),
        addedByName: 'Ada Lovelace',
        userType: 'TEAM_MEMBER',
        signInUrl: 'https://gatehouse.example/sign-in',
        members: [{ accountId: randomUUID(), email: to, displayName: 'Alan Turing' }],
      });
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.subject).toBe('You were added to Apollo Design on Gatehouse');
      expect(mail.text).toContain('Ada Lovelace added you to Apollo Design on Gatehouse as a Team Member.');
      expect(mail.text).toContain('https://gatehouse.example/sign-in');
      expect(mail.text).not.toContain('Questions?');
    });
  });

  describe('hostile input', () => {
    it('shows HTML in the Hub name, inviter name and appendix as text', async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, '<script>alert("appendix")</script>\n{{acceptUrl}} <b>bold</b>');
      const to = address('hostile');
      await fx.publishInvites(
        invitePayload({
          tenancyId,
          recipients: [to],
          hubName: '<img src=x onerror=alert(1)>',
          inviterName: 'Eve <script>alert(2)</script>',
        }),
      );
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.html).not.toMatch(/<script|<img|<b>bold/);
      expect(mail.html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
      expect(mail.html).toContain('Eve &lt;script&gt;alert(2)&lt;/script&gt;');
      expect(mail.html).toContain('&lt;script&gt;alert(&quot;appendix&quot;)&lt;/script&gt;<br>');
      // never interpreted as a template: the placeholder stays as written
      expect(mail.html).toContain('{{acceptUrl}} &lt;b&gt;bold&lt;/b&gt;');
      expect(mail.text).toContain('{{acceptUrl}} <b>bold</b>');
    });

    it('never lets CR/LF or control characters in names reach a header', async () => {
      const to = address('header');
      await fx.publishInvites(
        invitePayload({
          recipients: [to],
          hubName: 'Apollo\r\nBcc: victim@example.com',
          inviterName: 'Eve\r\nX-Injected: yes\u0000\u0007',
        }),
      );
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.subject).toBe('Eve X-Injected: yes invited you to Apollo Bcc: victim@example.com on Gatehouse');
      expect(mail.headers['bcc']).toBeUndefined();
      expect(mail.headers['x-injected']).toBeUndefined();
      expect(mail.to).toEqual([to]);
      expect(fx.sink.to('victim@example.com')).toEqual([]);
    });
  });
});
