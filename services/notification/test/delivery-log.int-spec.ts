import {
  Actor,
  DeliveryView,
  INVITE_EVENTS,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  NOTIFICATION_PATTERNS,
} from '@gatehouse/contracts';
import { pollUntil } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { EventPublisher } from './event-publisher';
import { address, invitePayload, membersAddedPayload, NotificationFixture } from './notification-fixture';

const admin: Actor = {
  accountId: randomUUID(),
  email: 'tess.admin@example.com',
  displayName: 'Tess Tenant-Admin',
  isOperator: false,
};

/**
 * The console's delivery log (issue 10): the five statuses a person sees, the filters, and retrying the
 * failed emails of one mass invite (its correlation id) at once. A long back-off keeps a delivery whose
 * attempt failed "retrying" for the whole test.
 */
describe('the delivery log for the console', () => {
  const fx = new NotificationFixture({ env: { DELIVERY_BASE_BACKOFF_MS: '600000' } });
  beforeAll(() => fx.start());
  afterAll(() => fx.stop());

  /** Publishes an event with a correlation id of ours (a mass invite's), returns the event id. */
  async function publishWithCorrelation(
    name: typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.MEMBER_ADDED,
    payload: InvitesIssuedPayload | MembersAddedNoticePayload,
    correlationId: string,
  ): Promise<string> {
    const envelope = { ...EventPublisher.envelope(name, payload), correlationId };
    await fx.events.publish(name, envelope);
    return envelope.id;
  }

  const list = (tenancyId: string, filter: Record<string, string> = {}) =>
    fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, { actor: admin, tenancyId, ...filter });
  const recipients = (page: { items: DeliveryView[] }) => page.items.map((d) => d.recipient).sort();

  it('shows a delivery queued again after a failed attempt as retrying, with the error and when it is due', async () => {
    const tenancyId = randomUUID();
    const to = address('greylisted');
    fx.sink.failNext(1, 421, 'Greylisted, try again later');
    const eventId = await fx.publishInvites(invitePayload({ tenancyId, recipients: [to] }));
    expect(eventId).toBeTruthy();
    const shown = await pollUntil(async () => {
      const [delivery] = (await list(tenancyId)).items;
      return delivery?.status === 'retrying' && delivery;
    }, 'the delivery to be retrying');
    expect(shown).toMatchObject({ recipient: to, status: 'retrying', attempts: 1 });
    expect(shown.lastError).toContain('421');
    expect(new Date(shown.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());

    expect(recipients(await list(tenancyId, { status: 'retrying' }))).toEqual([to]);
    expect((await list(tenancyId, { status: 'queued' })).total).toBe(0);
    expect((await list(tenancyId, { status: 'failed' })).total).toBe(0);
  });

  it('filters by kind, recipient (part, any case), time and correlation id', async () => {
    const tenancyId = randomUUID();
    const [ada, bob] = [address('ada'), address('bob')];
    const correlationId = `import-${randomUUID()}`;
    const first = await publishWithCorrelation(
      INVITE_EVENTS.CREATED,
      invitePayload({ tenancyId, recipients: [ada] }),
      correlationId,
    );
    await fx.deliveryWithStatus(first, 'sent');
    const between = new Date().toISOString();
    const second = await fx.publishInvites(invitePayload({ tenancyId, recipients: [bob] }));
    await fx.deliveryWithStatus(second, 'sent');

    expect(recipients(await list(tenancyId, { template: 'invite' }))).toEqual([ada, bob].sort());
    expect((await list(tenancyId, { template: 'member-added' })).total).toBe(0);
    expect(recipients(await list(tenancyId, { recipient: ada.slice(0, 8).toUpperCase() }))).toEqual([ada]);
    expect((await list(tenancyId, { recipient: '%' })).total).toBe(0); // a LIKE wildcard is matched literally
    expect(recipients(await list(tenancyId, { from: between }))).toEqual([bob]);
    expect(recipients(await list(tenancyId, { to: between }))).toEqual([ada]);
    expect(recipients(await list(tenancyId, { correlationId }))).toEqual([ada]);
    expect(recipients(await list(tenancyId, { status: 'sent', correlationId }))).toEqual([ada]);
  });

  it("queues again every failed email of one correlation id, leaving expired invites and other imports' alone", async () => {
    const tenancyId = randomUUID();
    const importId = `import-${randomUUID()}`;
    const [one, two, expired, other] = [address('one'), address('two'), address('expired'), address('other')];
    for (const to of [one, two, expired, other]) fx.sink.rejectRecipient(to, 550, 'No such user');
    // Notices carry no one-time link, so they go out again as they were (invite emails get a new link from
    // the invite service: test/e2e/email-path.e2e-spec.ts); an expired invite's is left failed before asking.
    for (const to of [one, two]) {
      await publishWithCorrelation(INVITE_EVENTS.MEMBER_ADDED, membersAddedPayload(tenancyId, to), importId);
    }
    const old = await publishWithCorrelation(
      INVITE_EVENTS.CREATED,
      invitePayload({ tenancyId, recipients: [expired], expiresAt: '2020-01-01T00:00:00.000Z' }),
      importId,
    );
    const theirs = await publishWithCorrelation(
      INVITE_EVENTS.MEMBER_ADDED,
      membersAddedPayload(tenancyId, other),
      'another',
    );
    await fx.deliveryWithStatus(old, 'failed');
    await fx.deliveryWithStatus(theirs, 'failed');
    await pollUntil(async () => (await list(tenancyId, { status: 'failed' })).total === 4, 'four failed deliveries');

    for (const to of [one, two, expired, other]) fx.sink.acceptRecipient(to);
    const result = await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED, {
      actor: admin,
      tenancyId,
      correlationId: importId,
    });
    const nothingElse = { notPending: 0, resent: 0, linkGone: 0 };
    expect(result).toEqual({ requeued: 2, expired: 1, ...nothingElse });
    await fx.sink.waitFor(one);
    await fx.sink.waitFor(two);
    expect(recipients(await list(tenancyId, { status: 'failed' }))).toEqual([expired, other].sort());

    // Nothing failed is left of it: asking again changes nothing. Another tenancy's id finds nothing.
    expect(
      await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED, {
        actor: admin,
        tenancyId,
        correlationId: importId,
      }),
    ).toEqual({ requeued: 0, expired: 1, ...nothingElse });
    expect(
      await fx.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED, {
        actor: admin,
        tenancyId: randomUUID(),
        correlationId: 'another',
      }),
    ).toEqual({ requeued: 0, expired: 0, ...nothingElse });
  });
});
