import { HUB_EVENTS, INVITE_EVENTS } from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { EventPublisher } from './event-publisher';
import { address, eventually, invitePayload, NotificationFixture } from './notification-fixture';

const INTERRUPTED =
  'interrupted during sending; outcome unknown — retry from the console if the recipient did not get it';
const RESENT = 'interrupted during sending (the sender stopped); sent again with the same Message-ID';
const REPLICA = 'delivery-test';

describe('delivery: no loss, no duplicates (real RabbitMQ, PostgreSQL and SMTP)', () => {
  const fx = new NotificationFixture({ env: { DELIVERY_MAX_ATTEMPTS: '3', REPLICA_ID: REPLICA } });
  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  it('sends one email for an event delivered twice', async () => {
    const to = address('twice');
    const payload = invitePayload({ recipients: [to] });
    const eventId = await fx.publishInvites(payload);
    await fx.sink.waitFor(to);
    await fx.publishInvites(payload, { id: eventId });
    await fx.flushEvents();

    expect(fx.sink.to(to)).toHaveLength(1);
    expect(await fx.deliveries(eventId)).toHaveLength(1);
  });

  it('sends one email per address when a batch names the same invitee twice', async () => {
    const to = address('same');
    const eventId = await fx.publishInvites(invitePayload({ recipients: [to, to.toUpperCase()] }));
    await fx.sink.waitFor(to);
    await fx.flushEvents();
    expect(fx.sink.to(to)).toHaveLength(1);
    expect(await fx.deliveries(eventId)).toHaveLength(1);
  });

  it('a resent invite (a new event) is a new email', async () => {
    const to = address('resent');
    const payload = invitePayload({ recipients: [to] });
    await fx.publishInvites(payload);
    await fx.publishInvites(payload, { name: INVITE_EVENTS.RESENT });
    await fx.sink.waitFor(to, 2);
  });

  it('retries after an SMTP 421 and sends one email', async () => {
    const to = address('greylisted');
    fx.sink.failNext(1, 421);
    const eventId = await fx.publishInvites(invitePayload({ recipients: [to] }));

    const record = await fx.deliveryWithStatus(eventId, 'sent');
    expect(record.attempts).toBe(2);
    // On a reused pooled connection nodemailer reports the 421 (after which the server hangs up) as
    // the connection closing; on a fresh one as the 421 itself. Both are transient.
    expect(record.last_error).toMatch(/^(SMTP 421: |ECONNECTION: )/);
    await fx.flushEvents();
    expect(fx.sink.to(to)).toHaveLength(1);
  });

  it('records a 550 as failed with the reason, without retrying', async () => {
    const to = address('no-such-user');
    fx.sink.rejectRecipient(to, 550, 'No such user here');
    const eventId = await fx.publishInvites(invitePayload({ recipients: [to] }));

    const record = await fx.deliveryWithStatus(eventId, 'failed');
    expect(record.attempts).toBe(1);
    expect(record.last_error).toContain('550');
    expect(record.last_error).toContain('No such user here');
    await fx.flushEvents();
    expect(await fx.deliveries(eventId)).toEqual([expect.objectContaining({ status: 'failed', attempts: 1 })]);
    expect(fx.sink.to(to)).toHaveLength(0);
    // Like a sent one, a failed delivery keeps no raw accept token at rest; the rest of its data stays.
    expect(record.vars).not.toHaveProperty('acceptUrl');
    expect(JSON.stringify(record.vars)).not.toContain('token=');
    expect(record.vars).toMatchObject({ inviteeEmail: to, hubName: 'Apollo Design' });
  });

  it('gives up after DELIVERY_MAX_ATTEMPTS transient failures', async () => {
    const to = address('always-busy');
    fx.sink.rejectRecipient(to, 451, 'Try again later');
    const eventId = await fx.publishInvites(invitePayload({ recipients: [to] }));

    const record = await fx.deliveryWithStatus(eventId, 'failed');
    expect(record.attempts).toBe(3);
    expect(record.last_error).toMatch(/^Gave up after 3 attempts: SMTP 451: /);
    fx.sink.acceptRecipient(to);
  });

  const inviteVars = (to: string) => ({
    hubName: 'Apollo',
    inviterName: 'Ada',
    inviteeEmail: to,
    acceptUrl: `https://gatehouse.example/invites/accept?token=${randomUUID()}`,
    expiresAt: '2099-01-01T00:00:00Z',
    userType: 'TEAM_MEMBER',
  });

  /** A delivery some sender had claimed and was sending when it died. */
  const claimedDelivery = async (claimedBy: string, leaseUntil: string) => {
    const eventId = randomUUID();
    const to = address('claimed');
    await queryTestDb(
      `INSERT INTO notification.deliveries
         (event_id, recipient, template, vars, tenancy_id, status, attempts, claimed_by, lease_until)
       VALUES ($1, $2, 'invite', $3, $4, 'sending', 1, $5, now() + $6::interval)`,
      [eventId, to, JSON.stringify(inviteVars(to)), randomUUID(), claimedBy, leaseUntil],
    );
    return { eventId, to };
  };

  it('sends again, with the same Message-ID, a delivery whose sender died (its lease ran out)', async () => {
    const { eventId, to } = await claimedDelivery('another-host/notification', '-1 second');
    const record = await fx.deliveryWithStatus(eventId, 'sent');
    await fx.sink.waitFor(to);
    expect(record.attempts).toBe(2);
    expect(record.last_error).toBe(RESENT);
    expect(fx.sink.to(to)).toHaveLength(1);
    // The Message-ID is the delivery's own: a resend of an email that did go out is recognisably the same.
    expect(record.message_id).toMatch(new RegExp(`^<${record.id}@`));
    expect(fx.sink.to(to)[0].headers['message-id']).toBe(record.message_id);
  });

  it("leaves a live sender's claim alone", async () => {
    const { eventId, to } = await claimedDelivery('another-host/notification', '1 hour');
    await fx.flushEvents();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fx.deliveries(eventId))[0].status).toBe('sending');
    expect(fx.sink.to(to)).toHaveLength(0);
  });

  it('on boot, takes back at once the claims of its own previous life (killed mid-send), however long their lease', async () => {
    const { eventId, to } = await claimedDelivery(`${REPLICA}/notification`, '1 hour');
    await fx.restartService();
    await fx.deliveryWithStatus(eventId, 'sent');
    await fx.sink.waitFor(to);
    expect(fx.sink.to(to)).toHaveLength(1);
  });

  it('at-most-once: a delivery whose sender died is failed, outcome unknown, and not sent', async () => {
    const { eventId, to } = await claimedDelivery(`${REPLICA}/notification`, '1 hour');
    await fx.restartService({ DELIVERY_CRASH_POLICY: 'at-most-once' });
    try {
      const record = await fx.deliveryWithStatus(eventId, 'failed');
      expect(record.last_error).toBe(INTERRUPTED);
      expect(record.attempts).toBe(1);
      expect(record.vars).not.toHaveProperty('acceptUrl');
      await fx.flushEvents();
      expect(fx.sink.to(to)).toHaveLength(0);
    } finally {
      await fx.restartService();
    }
  });

  describe('a malformed event', () => {
    const good = () => EventPublisher.envelope(INVITE_EVENTS.CREATED, invitePayload());
    const cases: [string, () => Record<string, unknown>][] = [
      ['a payload without invites', () => ({ ...good(), payload: { ...good().payload, invites: undefined } })],
      [
        'an invite whose address is not an email',
        () => {
          const e = good();
          return { ...e, payload: { ...e.payload, invites: [{ ...e.payload.invites[0], email: 'not an email' }] } };
        },
      ],
      [
        'a javascript: accept link',
        () => {
          const e = good();
          return {
            ...e,
            payload: { ...e.payload, invites: [{ ...e.payload.invites[0], acceptUrl: 'javascript:alert(1)' }] },
          };
        },
      ],
      ['an envelope whose id is not a UUID', () => ({ ...good(), id: 'not-a-uuid' })],
      ['no envelope at all', () => ({ hubName: 'x' })],
    ];

    it.each(cases)('(%s) ends in the dead-letter queue and sends nothing', async (_label, make) => {
      const data = make();
      await fx.events.publish(INVITE_EVENTS.CREATED, data);
      let dead: { pattern: string; data: unknown }[] = [];
      await eventually(async () => {
        dead = dead.concat(await fx.events.drain(fx.deadLetterQueue));
        return dead.length > 0;
      }, 'the dead-lettered event');
      expect(dead).toEqual([{ pattern: INVITE_EVENTS.CREATED, data: JSON.parse(JSON.stringify(data)) }]);
      if (typeof data.id === 'string' && /^[0-9a-f-]{36}$/.test(data.id)) {
        expect(await fx.deliveries(data.id)).toEqual([]);
        expect(await queryTestDb('SELECT 1 FROM notification.inbox WHERE message_id = $1', [data.id])).toEqual([]);
      }
    });
  });

  describe('the "you were added" notice', () => {
    const members = (to: string) => [{ accountId: randomUUID(), email: to, displayName: 'Bo Added' }];
    const hubEvent = (to: string, notice?: { addedByName: string; signInUrl: string }) =>
      EventPublisher.envelope(HUB_EVENTS.MEMBERS_ADDED, {
        hubId: randomUUID(),
        tenancyId: randomUUID(),
        hubName: 'Apollo Design',
        userType: 'EXTERNAL_MEMBER',
        addedBy: randomUUID(),
        members: members(to),
        ...(notice ? { notice } : {}),
      });

    it('is sent from the hub event that added the member, once even if the event comes twice', async () => {
      const to = address('added');
      const envelope = hubEvent(to, { addedByName: 'Ada Lovelace', signInUrl: 'https://gatehouse.example/sign-in' });
      await fx.events.publish(HUB_EVENTS.MEMBERS_ADDED, envelope);
      await fx.events.publish(HUB_EVENTS.MEMBERS_ADDED, envelope);
      const [mail] = await fx.sink.waitFor(to);
      expect(mail.subject).toContain('Apollo Design');
      await fx.flushEvents();
      expect(fx.sink.to(to)).toHaveLength(1);
    });

    it('is not sent for members added without a notice (accepted invites, registration links)', async () => {
      const to = address('joined');
      await fx.events.publish(HUB_EVENTS.MEMBERS_ADDED, hubEvent(to));
      await fx.flushEvents();
      expect(fx.sink.to(to)).toHaveLength(0);
    });

    it("is not sent again from invite.member.added when the hub's event carries it", async () => {
      const to = address('once');
      const envelope = EventPublisher.envelope(INVITE_EVENTS.MEMBER_ADDED, {
        hubId: randomUUID(),
        hubName: 'Apollo Design',
        tenancyId: randomUUID(),
        addedByAccountId: randomUUID(),
        addedByName: 'Ada Lovelace',
        userType: 'EXTERNAL_MEMBER',
        signInUrl: 'https://gatehouse.example/sign-in',
        members: members(to),
        noticeByHub: true,
      });
      await fx.events.publish(INVITE_EVENTS.MEMBER_ADDED, envelope);
      await fx.flushEvents();
      expect(fx.sink.to(to)).toHaveLength(0);
    });
  });
});
