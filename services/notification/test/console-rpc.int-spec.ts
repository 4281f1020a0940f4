import { Actor, DeliveryView, NOTIFICATION_PATTERNS, RpcPattern, RpcRequest, WireError } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { queryTestDb } from '@gatehouse/testing';
import { address, invitePayload, membersAddedPayload, NotificationFixture } from './notification-fixture';

const admin: Actor = {
  accountId: randomUUID(),
  email: 'tess.admin@example.com',
  displayName: 'Tess Tenant-Admin',
  isOperator: false,
};
const operator: Actor = { ...admin, accountId: randomUUID(), displayName: 'Olga Operator', isOperator: true };

describe('the notification RPC API for the console', () => {
  const fx = new NotificationFixture();
  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  /** The error a call was refused with. */
  async function refusal<P extends RpcPattern>(pattern: P, request: RpcRequest<P>): Promise<WireError> {
    const error = await fx.rpc.call(pattern, request).then(
      () => {
        throw new Error(`${pattern} was expected to fail`);
      },
      (e: WireError) => e,
    );
    return { code: error.code, message: error.message };
  }

  describe(NOTIFICATION_PATTERNS.DELIVERY_RETRY, () => {
    it('re-sends a failed delivery with its attempts reset', async () => {
      const to = address('bounced');
      const tenancyId = randomUUID();
      fx.sink.rejectRecipient(to, 550, 'Mailbox full');
      const eventId = await fx.publishMembersAdded(membersAddedPayload(tenancyId, to));
      const failed = await fx.deliveryWithStatus(eventId, 'failed');

      fx.sink.acceptRecipient(to);
      const retried = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY, {
        actor: admin,
        tenancyId,
        deliveryId: failed.id,
      });
      expect(retried).toMatchObject({ id: failed.id, status: 'queued', attempts: 0 });

      const [mail] = await fx.sink.waitFor(to);
      expect(mail.subject).toContain('Apollo Design');
      expect(await fx.deliveryWithStatus(eventId, 'sent')).toMatchObject({ attempts: 1 });
    });

    // A failed invite email that names its invite is sent again with a new link from the invite service:
    // test/e2e/email-path.e2e-spec.ts, with every service running.
    it('refuses a failed invite email that names no invite (stored before they did), and says to resend the invite', async () => {
      const to = address('bounced-invite');
      const tenancyId = randomUUID();
      fx.sink.rejectRecipient(to, 550, 'Mailbox full');
      const eventId = await fx.publishInvites(invitePayload({ tenancyId, recipients: [to] }));
      const failed = await fx.deliveryWithStatus(eventId, 'failed');
      await queryTestDb(`UPDATE notification.deliveries SET vars = vars - 'inviteId' WHERE id = $1`, [failed.id]);
      fx.sink.acceptRecipient(to);
      const error = await refusal(NOTIFICATION_PATTERNS.DELIVERY_RETRY, {
        actor: admin,
        tenancyId,
        deliveryId: failed.id,
      });
      expect(error).toEqual({ code: 'DELIVERY.NOT_RETRYABLE', message: expect.stringMatching(/Resend the invite/) });
      expect((await fx.deliveries(eventId))[0].status).toBe('failed');
    });

    it('refuses a delivery that has not failed', async () => {
      const to = address('fine');
      const tenancyId = randomUUID();
      const eventId = await fx.publishInvites(invitePayload({ tenancyId, recipients: [to] }));
      const sent = await fx.deliveryWithStatus(eventId, 'sent');
      expect(
        await refusal(NOTIFICATION_PATTERNS.DELIVERY_RETRY, { actor: admin, tenancyId, deliveryId: sent.id }),
      ).toEqual({
        code: 'DELIVERY.NOT_RETRYABLE',
        message: 'Only a failed delivery can be retried; this one is sent.',
      });
    });

    it('refuses an invite that has expired since', async () => {
      const to = address('late');
      const tenancyId = randomUUID();
      fx.sink.rejectRecipient(to);
      const eventId = await fx.publishInvites(
        invitePayload({ tenancyId, recipients: [to], expiresAt: '2020-01-01T00:00:00.000Z' }),
      );
      const failed = await fx.deliveryWithStatus(eventId, 'failed');
      const error = await refusal(NOTIFICATION_PATTERNS.DELIVERY_RETRY, {
        actor: admin,
        tenancyId,
        deliveryId: failed.id,
      });
      expect(error.code).toBe('DELIVERY.NOT_RETRYABLE');
      expect(error.message).toMatch(/expired/);
    });

    it("does not find another tenancy's delivery", async () => {
      const to = address('other');
      fx.sink.rejectRecipient(to);
      const eventId = await fx.publishInvites(invitePayload({ recipients: [to] }));
      const failed = await fx.deliveryWithStatus(eventId, 'failed');
      expect(
        (
          await refusal(NOTIFICATION_PATTERNS.DELIVERY_RETRY, {
            actor: admin,
            tenancyId: randomUUID(),
            deliveryId: failed.id,
          })
        ).code,
      ).toBe('DELIVERY.NOT_FOUND');
    });
  });

  describe(NOTIFICATION_PATTERNS.DELIVERY_LIST, () => {
    it("lists a tenancy's deliveries, newest first, by status and paged", async () => {
      const tenancyId = randomUUID();
      const [ok1, ok2, bad] = [address('ok1'), address('ok2'), address('bad')];
      fx.sink.rejectRecipient(bad);
      const first = await fx.publishInvites(invitePayload({ tenancyId, recipients: [ok1] }));
      await fx.deliveryWithStatus(first, 'sent');
      const second = await fx.publishInvites(invitePayload({ tenancyId, recipients: [ok2] }));
      await fx.deliveryWithStatus(second, 'sent');
      const third = await fx.publishInvites(invitePayload({ tenancyId, recipients: [bad] }));
      await fx.deliveryWithStatus(third, 'failed');

      const all = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, { actor: admin, tenancyId });
      expect(all.total).toBe(3);
      expect(all.items.map((d: DeliveryView) => d.recipient)).toEqual([bad, ok2, ok1]);
      expect(all.items[0]).toMatchObject({
        status: 'failed',
        template: 'invite',
        tenancyId,
        eventId: third,
        attempts: 1,
        lastError: expect.stringContaining('550'),
        sentAt: null,
        nextAttemptAt: null,
      });
      expect(all.items[1]).toMatchObject({ status: 'sent', messageId: expect.stringMatching(/^<.+@localhost>$/) });

      const failed = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, {
        actor: admin,
        tenancyId,
        status: 'failed',
      });
      expect(failed.items.map((d) => d.recipient)).toEqual([bad]);
      const page = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, {
        actor: admin,
        tenancyId,
        limit: 1,
        offset: 1,
      });
      expect(page).toMatchObject({
        total: 3,
        limit: 1,
        offset: 1,
        items: [expect.objectContaining({ recipient: ok2 })],
      });
    });

    it('lists every tenancy for an operator only', async () => {
      const all = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, { actor: operator, limit: 5 });
      expect(all.total).toBeGreaterThan(0);
      expect((await refusal(NOTIFICATION_PATTERNS.DELIVERY_LIST, { actor: admin })).code).toBe('PERMISSION.DENIED');
    });

    it('refuses an unknown status', async () => {
      const error = await refusal(NOTIFICATION_PATTERNS.DELIVERY_LIST, {
        actor: admin,
        tenancyId: randomUUID(),
        status: 'bounced' as never,
      });
      expect(error.code).toBe('VALIDATION.FAILED');
    });
  });

  describe(NOTIFICATION_PATTERNS.PREVIEW_RENDER, () => {
    const preview = (
      tenancyId: string,
      options: Omit<RpcRequest<typeof NOTIFICATION_PATTERNS.PREVIEW_RENDER>, 'actor' | 'tenancyId'>,
    ) => fx.rpc.call(NOTIFICATION_PATTERNS.PREVIEW_RENDER, { actor: admin, tenancyId, ...options });

    it("renders the invite email with the tenancy's current appendix, without sending", async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, 'Call the desk: 555-0100.');
      const before = fx.sink.messages.length;
      const current = await preview(tenancyId, { hubName: 'Apollo Design' });
      expect(current.subject).toBe('Tess Tenant-Admin invited you to Apollo Design on Gatehouse');
      expect(current.appendix).toBe('Call the desk: 555-0100.');
      expect(current.text.trimEnd().endsWith('Call the desk: 555-0100.')).toBe(true);
      expect(current.html).toContain('Call the desk: 555-0100.');
      expect(fx.sink.messages.length).toBe(before);
    });

    it('offers the user type it is asked for (a dry run shows its own), Team Member by default', async () => {
      const tenancyId = randomUUID();
      const render = (userType?: 'EXTERNAL_MEMBER') => preview(tenancyId, { userType });
      expect((await render('EXTERNAL_MEMBER')).text).toContain('as an External Member');
      expect((await render()).text).toContain('as a Team Member');
    });

    it('renders a proposed appendix (escaped), or none', async () => {
      const tenancyId = randomUUID();
      await fx.setAppendix(tenancyId, 'Current text');
      const proposed = await preview(tenancyId, { appendix: '  <b>New</b>\r\nline two  ' });
      expect(proposed.appendix).toBe('<b>New</b>\nline two');
      expect(proposed.html).toContain('&lt;b&gt;New&lt;/b&gt;<br>\nline two');
      expect(proposed.html).not.toContain('Current text');

      const none = await preview(tenancyId, { appendix: null });
      expect(none.appendix).toBeNull();
      expect(none.text).not.toContain('Current text');
    });

    it('refuses a blank or too long appendix with the policy codes', async () => {
      const tenancyId = randomUUID();
      expect(
        (await refusal(NOTIFICATION_PATTERNS.PREVIEW_RENDER, { actor: admin, tenancyId, appendix: ' \n\t ' })).code,
      ).toBe('POLICY.APPENDIX_BLANK');
      expect(
        await refusal(NOTIFICATION_PATTERNS.PREVIEW_RENDER, { actor: admin, tenancyId, appendix: 'x'.repeat(2001) }),
      ).toEqual({
        code: 'POLICY.APPENDIX_TOO_LONG',
        message: 'The invite message appendix is 2001 characters long; the limit is 2000.',
      });
    });
  });
});
