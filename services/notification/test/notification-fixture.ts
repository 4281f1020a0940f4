import {
  DeliveryStatus,
  HUB_EVENTS,
  INVITE_EVENTS,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  PolicyChangedPayload,
} from '@gatehouse/contracts';
import { ServiceTestBed, pollUntil, queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { startNotification } from '../src/main';
import { EventPublisher } from './event-publisher';
import { SmtpSink } from './smtp-sink';

/** A delivery row as the tests look at it. */
export interface DeliveryRecord {
  id: string;
  event_id: string;
  recipient: string;
  template: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  vars: Record<string, unknown> | null;
}

export interface FixtureOptions {
  /** false: no SMTP_URL, the service uses the mail drop. */
  smtp?: boolean;
  env?: Record<string, string>;
}

/**
 * A running notification service on the real PostgreSQL and RabbitMQ, an in-process SMTP sink it sends
 * to, a publisher for the events it consumes, and an RPC client. Prefetch 1 makes the service handle
 * events one after another, so "event B was handled" implies "event A, published before, was too".
 */
export class NotificationFixture extends ServiceTestBed {
  sink!: SmtpSink;
  events!: EventPublisher;

  constructor(private readonly options: FixtureOptions = {}) {
    super('notification');
    this.onStop(async () => {
      await this.events?.close();
      await this.sink?.stop();
    });
  }

  async start(): Promise<void> {
    await this.resetSchemas('notification');
    this.sink = await SmtpSink.start();
    await this.bootService(() => this.startNotification());
    this.events = await EventPublisher.connect(this.namespace);
  }

  /** Stops the service (gracefully) and starts it again on the same database, with `env` on top. */
  async restartService(env: Record<string, string> = {}): Promise<void> {
    await this.app.close();
    this.app = await this.startNotification(env);
  }

  private startNotification(env: Record<string, string> = {}) {
    return startNotification(
      this.processEnv({
        ...(this.options.smtp === false ? {} : { SMTP_URL: this.sink.url }),
        AMQP_PREFETCH: '1',
        DELIVERY_BASE_BACKOFF_MS: '20',
        DELIVERY_POLL_INTERVAL_MS: '50',
        ...this.options.env,
        ...env,
      }),
    );
  }

  get deadLetterQueue(): string {
    return `${this.namespace}.notification.events.dead`;
  }

  /** Publishes invite.invite.created (or another name) and returns the envelope's id. */
  async publishInvites(payload: InvitesIssuedPayload, options: { id?: string; name?: string } = {}): Promise<string> {
    const name = options.name ?? INVITE_EVENTS.CREATED;
    const envelope = EventPublisher.envelope(name, payload, options.id);
    await this.events.publish(name, envelope);
    return envelope.id;
  }

  async publishMembersAdded(payload: MembersAddedNoticePayload): Promise<string> {
    const envelope = EventPublisher.envelope(INVITE_EVENTS.MEMBER_ADDED, payload);
    await this.events.publish(INVITE_EVENTS.MEMBER_ADDED, envelope);
    return envelope.id;
  }

  async publishPolicy(payload: PolicyChangedPayload): Promise<string> {
    const envelope = EventPublisher.envelope(HUB_EVENTS.POLICY_CHANGED, payload);
    await this.events.publish(HUB_EVENTS.POLICY_CHANGED, envelope);
    return envelope.id;
  }

  /**
   * Sets a tenancy's appendix through the policy event and waits until the read model holds it.
   * Each call uses a higher version than the last one for that tenancy.
   */
  async setAppendix(tenancyId: string, appendix: string | null): Promise<void> {
    const version = (this.versions.get(tenancyId) ?? 0) + 1;
    this.versions.set(tenancyId, version);
    await this.publishPolicy(policyChanged(tenancyId, appendix, version));
    await eventually(async () => {
      const rows = await queryTestDb<{ version: number }>(
        'SELECT version FROM notification.tenancy_policies WHERE tenancy_id = $1',
        [tenancyId],
      );
      return rows[0]?.version === version;
    }, `policy v${version} of ${tenancyId}`);
  }
  private readonly versions = new Map<string, number>();

  /**
   * Waits until every event published so far has been handled: publishes one more invite and waits for
   * its email (events are handled one at a time, in order).
   */
  async flushEvents(): Promise<void> {
    const marker = address('marker');
    await this.publishInvites(invitePayload({ recipients: [marker] }));
    await this.sink.waitFor(marker);
  }

  async deliveries(eventId: string): Promise<DeliveryRecord[]> {
    return queryTestDb<DeliveryRecord>(
      `SELECT id, event_id, recipient, template, status, attempts, last_error, message_id, vars
       FROM notification.deliveries WHERE event_id = $1 ORDER BY recipient`,
      [eventId],
    );
  }

  /** Waits until the one delivery of `eventId` has `status`, and returns it. */
  async deliveryWithStatus(
    eventId: string,
    status: DeliveryRecord['status'] | DeliveryStatus,
  ): Promise<DeliveryRecord> {
    let found: DeliveryRecord | undefined;
    await eventually(async () => {
      [found] = await this.deliveries(eventId);
      return found?.status === status;
    }, `a ${status} delivery for event ${eventId}`);
    return found!;
  }
}

/** A fresh address under example.com. */
export function address(label: string): string {
  return `${label}.${randomUUID().slice(0, 8)}@example.com`;
}

export interface InviteOptions extends Partial<Omit<InvitesIssuedPayload, 'invites'>> {
  recipients?: string[];
  expiresAt?: string;
}

export function invitePayload(options: InviteOptions = {}): InvitesIssuedPayload {
  const { recipients = [address('invitee')], expiresAt = '2099-12-10T16:30:00.000Z', ...rest } = options;
  return {
    hubId: randomUUID(),
    hubName: 'Apollo Design',
    tenancyId: randomUUID(),
    inviterAccountId: randomUUID(),
    inviterName: 'Ada Lovelace',
    userType: 'EXTERNAL_MEMBER',
    ...rest,
    invites: recipients.map((email) => ({
      inviteId: randomUUID(),
      email,
      acceptUrl: `https://gatehouse.example/invites/accept?token=${randomUUID()}`,
      expiresAt,
    })),
  };
}

export function policyChanged(tenancyId: string, appendix: string | null, version: number): PolicyChangedPayload {
  return {
    tenancyId,
    inviteMessageAppendix: appendix,
    inviteExpiryDays: 14,
    version,
    changedBy: randomUUID(),
    updatedAt: new Date().toISOString(),
  };
}

/** Polls `condition` until it holds; fails with `what` after a generous deadline (never a speed assertion). */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000) {
  await pollUntil(condition, what, { timeoutMs, intervalMs: 25 });
}

/** invite.member.added for one address: the "you were added" notice, which carries no one-time link. */
export function membersAddedPayload(tenancyId: string, to: string): MembersAddedNoticePayload {
  return {
    hubId: randomUUID(),
    hubName: 'Apollo Design',
    tenancyId,
    addedByAccountId: randomUUID(),
    addedByName: 'Ada Lovelace',
    userType: 'EXTERNAL_MEMBER',
    signInUrl: 'https://gatehouse.example/sign-in',
    members: [{ accountId: randomUUID(), email: to, displayName: 'Bo Bounced' }],
  };
}
