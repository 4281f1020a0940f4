import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryStatus, EmailTemplateId } from '@gatehouse/contracts';
import { PreparedStatement } from '@gatehouse/database';
import { DataSource, EntityManager } from 'typeorm';
import { jsonb } from '../database/pg-text';
import type { EmailTemplate } from '../rendering';
import type { LinklessInviteEmail } from './invite-link-renewal';
import {
  ClaimedDelivery,
  CrashPolicy,
  DeliveryBatch,
  DeliveryRow,
  INTERRUPTED_REASON,
  ONE_TIME_LINK_VARS,
  PUBLIC_STATUS_SQL,
  RESENT_AFTER_CRASH_REASON,
} from './delivery-record';
import { NOTIFICATION_SCHEMA } from '../notification.config';

const COLUMNS = `id, event_id, recipient, template, vars, tenancy_id, hub_id, status, attempts, next_attempt_at,
  last_error, message_id, created_at, sent_at, updated_at`;

/**
 * How long a "sent" record waits for others to share its statement, and the most in one statement. Each
 * statement is a commit and, on the sender's side, a socket write that costs as much CPU as a good part of an
 * email (profile of 30 November 2026, docs/performance.md#email-pipeline): written one by one, the records
 * cost more than the sending. 20 ms adds that much to the window in which a crash leaves a sent email
 * "sending" (resent or failed by DELIVERY_CRASH_POLICY).
 */
const SENT_LINGER_MS = 20;
const MAX_SENT_GROUP = 500;

interface PendingSent {
  id: string;
  messageId: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface DeliveryFilter {
  tenancyId?: string;
  hubId?: string;
  status?: DeliveryStatus;
  template?: EmailTemplateId;
  /** Part of the address, in any case. */
  recipient?: string;
  /** ISO 8601: created at or after `from`, before `to`. */
  from?: string;
  to?: string;
  correlationId?: string;
}

/** Invite and sign-up emails carry a link that expires: a failed one whose link is dead is not sent again. */
const LINK_EXPIRED_SQL = `coalesce(template IN ('invite', 'signup-confirm') AND (vars->>'expiresAt')::timestamptz <= now(), false)`;

/** An invite or sign-up email whose one-time link was dropped (ONE_TIME_LINK_VARS: it failed). */
const LINKLESS_SQL = `(template IN ('invite', 'signup-confirm')
  AND NOT coalesce(vars ?| array[${ONE_TIME_LINK_VARS.map((name) => `'${name}'`).join(', ')}], false))`;

/*
 * The worker's two statements per group of emails, named: parsed and planned once per pooled connection and
 * run straight on the pg pool (no TypeORM query runner), since they run once per 10 emails and once per
 * SENT_LINGER_MS (docs/performance.md#email-pipeline).
 */
const CLAIM_DUE = new PreparedStatement<
  Pick<DeliveryRow, 'id' | 'recipient' | 'template' | 'vars' | 'tenancy_id' | 'attempts'> & { appendix: string | null }
>(
  'notification_deliveries_claim_due',
  `UPDATE ${NOTIFICATION_SCHEMA}.deliveries d
   SET status = 'sending', attempts = d.attempts + 1, updated_at = now(),
       claimed_by = $2, lease_until = now() + $3 * interval '1 millisecond'
   FROM (
     SELECT id FROM ${NOTIFICATION_SCHEMA}.deliveries
     WHERE status = 'queued' AND next_attempt_at <= now()
     ORDER BY next_attempt_at
     LIMIT $1
     FOR UPDATE SKIP LOCKED
   ) due
   WHERE d.id = due.id
   RETURNING d.id, d.recipient, d.template, d.vars, d.tenancy_id, d.attempts,
     CASE WHEN d.template = 'invite' THEN (
       SELECT p.invite_message_appendix FROM ${NOTIFICATION_SCHEMA}.tenancy_policies p WHERE p.tenancy_id = d.tenancy_id
     ) END AS appendix`,
);

const MARK_SENT = new PreparedStatement(
  'notification_deliveries_mark_sent',
  `UPDATE ${NOTIFICATION_SCHEMA}.deliveries d
   SET status = 'sent', message_id = t.message_id, sent_at = now(), updated_at = now(), vars = NULL
   FROM unnest($1::uuid[], $2::text[]) AS t(id, message_id)
   WHERE d.id = t.id AND d.status = 'sending'`,
);

/**
 * Every SQL statement on notification.deliveries. State changes out of "sending" only apply to a row
 * that is still "sending", so a late or repeated update can never overwrite a newer state.
 */
@Injectable()
export class DeliveryRepository {
  private readonly sentQueue: PendingSent[] = [];
  /** Writes the waiting "sent" records when their linger is over. */
  private sentTimer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One row per recipient, set-based; a recipient the event already has (a redelivered event, or the
   * same address twice in one batch) is skipped by the unique (event_id, lower(recipient)) key.
   * Returns how many rows were created.
   */
  async enqueue(manager: EntityManager, batch: DeliveryBatch): Promise<number> {
    if (batch.items.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${NOTIFICATION_SCHEMA}.deliveries (event_id, recipient, template, vars, tenancy_id, hub_id, correlation_id)
       SELECT $1, t.recipient, $2, t.vars, $3, $4, $5
       FROM ROWS FROM (unnest($6::text[]), jsonb_array_elements($7::jsonb)) AS t(recipient, vars)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        batch.eventId,
        batch.template,
        batch.tenancyId,
        batch.hubId,
        batch.correlationId,
        batch.items.map((item) => item.recipient),
        // One JSON array, not a jsonb[] of texts: one document to parse instead of an array literal of
        // escaped documents (issue 12).
        jsonb(batch.items.map((item) => item.vars)),
      ],
    );
    return rows.length;
  }

  /**
   * Claims up to `limit` due deliveries for `owner`: "queued" → "sending", attempts + 1, a lease of
   * `leaseMs`, committed at once (before any SMTP traffic). SKIP LOCKED lets replicas share the queue
   * without waiting. Each invite email comes with its tenancy's current appendix, read in the same
   * statement (one statement per group, and nothing claimed that its worker cannot render).
   */
  async claimDue(limit: number, owner: string, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await CLAIM_DUE.rows(this.dataSource, [limit, owner, leaseMs]);
    return rows.map((row) => ({
      id: row.id,
      recipient: row.recipient,
      tenancyId: row.tenancy_id,
      attempts: row.attempts,
      email: { template: row.template, vars: row.vars } as unknown as EmailTemplate,
      appendix: row.appendix,
    }));
  }

  /**
   * Sent: the Message-ID is kept, the render data (an invite's accept token) is dropped. Resolves once
   * committed. Written together with the other records of the next SENT_LINGER_MS, in one statement
   * (group commit), or at once when MAX_SENT_GROUP are waiting.
   */
  markSent(id: string, messageId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.sentQueue.push({ id, messageId, resolve, reject });
      if (this.sentQueue.length >= MAX_SENT_GROUP) void this.writeSent();
      else this.sentTimer ??= setTimeout(() => void this.writeSent(), SENT_LINGER_MS);
    });
  }

  private async writeSent(): Promise<void> {
    if (this.sentTimer) clearTimeout(this.sentTimer);
    this.sentTimer = null;
    const group = this.sentQueue.splice(0, MAX_SENT_GROUP);
    if (this.sentQueue.length > 0) this.sentTimer = setTimeout(() => void this.writeSent(), SENT_LINGER_MS);
    try {
      await MARK_SENT.rows(this.dataSource, [group.map((sent) => sent.id), group.map((sent) => sent.messageId)]);
      for (const sent of group) sent.resolve();
    } catch (error) {
      for (const sent of group) sent.reject(error as Error);
    }
  }

  /** A transient failure: queued again, due after `delayMs`. */
  async reschedule(id: string, error: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${NOTIFICATION_SCHEMA}.deliveries
       SET status = 'queued', last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond',
           updated_at = now()
       WHERE id = $1 AND status = 'sending'`,
      [id, error, delayMs],
    );
  }

  /** Failed: like a sent one, it keeps no one-time link (ONE_TIME_LINK_VARS) at rest. */
  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${NOTIFICATION_SCHEMA}.deliveries SET status = 'failed', last_error = $2, updated_at = now(), vars = vars - $3::text[]
       WHERE id = $1 AND status = 'sending'`,
      [id, reason, ONE_TIME_LINK_VARS],
    );
  }

  /** Claimed but never handed to SMTP (the worker is stopping): back in the queue, the attempt not counted. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${NOTIFICATION_SCHEMA}.deliveries SET status = 'queued', attempts = attempts - 1, updated_at = now()
       WHERE id = $1 AND status = 'sending'`,
      [id],
    );
  }

  /**
   * The owner is alive and still holds these claims: they last another `leaseMs`. By id (primary key look-ups),
   * not by owner: a claim its worker let go of (an outcome that could not be recorded) runs out, as it should,
   * and the statement never walks the index entries that rows already sent left behind.
   */
  async renewLeases(owner: string, ids: string[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE ${NOTIFICATION_SCHEMA}.deliveries SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = ANY($2::uuid[]) AND status = 'sending' AND claimed_by = $1`,
      [owner, ids, leaseMs],
    );
  }

  /**
   * Deliveries whose sender died mid-send: those whose lease ran out and, when `previousLife` is given
   * (a replica booting), every claim that replica still holds. The email may or may not have gone out.
   * Under at-least-once they are queued again at once (the resend carries the same Message-ID), unless
   * their attempts are spent; under at-most-once, or with attempts spent, they fail with INTERRUPTED_REASON.
   *
   * Planned as a plain index scan of deliveries_sending_idx (bitmap scans off for this one statement): every
   * row that went "sending" → "sent" leaves a dead entry there with a past lease_until until VACUUM, and a
   * bitmap scan visits the heap page of each of them on every call (measured: 55,000 entries, 6,500 pages,
   * 20–120 ms after 60,000 emails), while an index scan marks them dead once and skips them afterwards
   * (the next call: 0.05 ms).
   */
  async recoverInterrupted(
    policy: CrashPolicy,
    maxAttempts: number,
    previousLife: string | null,
  ): Promise<{ id: string; status: 'queued' | 'failed' }[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_bitmapscan = off');
      const [rows]: [{ id: string; status: 'queued' | 'failed' }[], number] = await manager.query(
        `UPDATE ${NOTIFICATION_SCHEMA}.deliveries d
         SET status = r.next_status, next_attempt_at = now(), updated_at = now(), claimed_by = NULL, lease_until = NULL,
             last_error = CASE WHEN r.next_status = 'queued' THEN $4 ELSE $5 END,
             vars = CASE WHEN r.next_status = 'queued' THEN d.vars ELSE d.vars - $6::text[] END
         FROM (
           SELECT id, CASE WHEN $1 = 'at-least-once' AND attempts < $2 THEN 'queued' ELSE 'failed' END AS next_status
           FROM ${NOTIFICATION_SCHEMA}.deliveries
           WHERE status = 'sending' AND (lease_until < now() OR claimed_by = $3)
           FOR UPDATE SKIP LOCKED
         ) r
         WHERE d.id = r.id
         RETURNING d.id, d.status`,
        [policy, maxAttempts, previousLife, RESENT_AFTER_CRASH_REASON, INTERRUPTED_REASON, ONE_TIME_LINK_VARS],
      );
      return rows;
    });
  }

  async list(filter: DeliveryFilter, limit: number, offset: number): Promise<{ rows: DeliveryRow[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.tenancyId) where('tenancy_id = ?', filter.tenancyId);
    if (filter.hubId) where('hub_id = ?', filter.hubId);
    if (filter.status) conditions.push(PUBLIC_STATUS_SQL[filter.status]);
    if (filter.template) where('template = ?', filter.template);
    if (filter.recipient) where(`lower(recipient) LIKE '%' || ? || '%'`, escapeLike(filter.recipient.toLowerCase()));
    if (filter.from) where('created_at >= ?::timestamptz', filter.from);
    if (filter.to) where('created_at < ?::timestamptz', filter.to);
    if (filter.correlationId) where('correlation_id = ?', filter.correlationId);
    const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ count }]: { count: string }[] = await this.dataSource.query(
      `SELECT count(*) FROM ${NOTIFICATION_SCHEMA}.deliveries ${clause}`,
      params,
    );
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${NOTIFICATION_SCHEMA}.deliveries ${clause}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total: Number(count) };
  }

  /** The row, locked for the rest of the caller's transaction. */
  async findForUpdate(manager: EntityManager, tenancyId: string, id: string): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${NOTIFICATION_SCHEMA}.deliveries WHERE id = $1 AND tenancy_id = $2 FOR UPDATE`,
      [id, tenancyId],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks every failed delivery of one correlation id (one mass invite) in a tenancy for the caller's
   * transaction, and returns the invite emails among them that need a new link to go out again: their link
   * was dropped when they failed, it has not expired, and they know their invite.
   */
  async lockFailedOf(manager: EntityManager, tenancyId: string, correlationId: string): Promise<LinklessInviteEmail[]> {
    const rows: { id: string; invite_id: string | null; created_at: Date; renewable: boolean }[] = await manager.query(
      `SELECT id, vars->>'inviteId' AS invite_id, created_at,
              (template = 'invite' AND ${LINKLESS_SQL} AND NOT ${LINK_EXPIRED_SQL} AND vars ? 'inviteId') AS renewable
       FROM ${NOTIFICATION_SCHEMA}.deliveries
       WHERE tenancy_id = $1 AND correlation_id = $2 AND status = 'failed'
       FOR UPDATE`,
      [tenancyId, correlationId],
    );
    return rows
      .filter((row) => row.renewable)
      .map((row) => ({ deliveryId: row.id, inviteId: row.invite_id!, createdAt: row.created_at }));
  }

  /**
   * Every failed delivery of one correlation id in a tenancy back to the queue, due now, attempts reset — one
   * statement, after lockFailedOf in the same transaction. Emails whose link was dropped go out with their new
   * link (`acceptUrls`: delivery id → accept URL) or stay failed; so do those whose link has expired. Counts
   * what stayed failed because its link expired, or is gone for good (sign-up confirmations, and invite
   * emails from before they named their invite).
   */
  async requeueFailedOf(
    manager: EntityManager,
    tenancyId: string,
    correlationId: string,
    acceptUrls: Map<string, string>,
  ): Promise<{ requeued: number; expired: number; linkGone: number }> {
    const [counts]: { requeued: number; expired: number; linkGone: number }[] = await manager.query(
      `WITH failed AS (
         SELECT id, (${LINK_EXPIRED_SQL}) AS expired, (${LINKLESS_SQL}) AS linkless,
                (template = 'signup-confirm' OR NOT coalesce(vars ? 'inviteId', false)) AS unrenewable
         FROM ${NOTIFICATION_SCHEMA}.deliveries
         WHERE tenancy_id = $1 AND correlation_id = $2 AND status = 'failed'
         FOR UPDATE),
       renewed AS (SELECT * FROM unnest($3::uuid[], $4::text[]) AS t(id, accept_url)),
       requeued AS (
         UPDATE ${NOTIFICATION_SCHEMA}.deliveries d
         SET status = 'queued', attempts = 0, next_attempt_at = now(), updated_at = now(),
             vars = CASE WHEN renewed.id IS NULL THEN d.vars
                         ELSE d.vars || jsonb_build_object('acceptUrl', renewed.accept_url) END
         FROM failed LEFT JOIN renewed ON renewed.id = failed.id
         WHERE d.id = failed.id AND NOT failed.expired AND (NOT failed.linkless OR renewed.id IS NOT NULL)
         RETURNING d.id)
       SELECT (SELECT count(*) FROM requeued)::int AS requeued,
              count(*) FILTER (WHERE expired)::int AS expired,
              count(*) FILTER (WHERE NOT expired AND linkless AND unrenewable)::int AS "linkGone"
       FROM failed`,
      [tenancyId, correlationId, [...acceptUrls.keys()], [...acceptUrls.values()]],
    );
    return counts;
  }

  /**
   * A failed delivery back to the queue, due now, with its attempts reset; `acceptUrl`: the new link of an
   * invite email whose link was dropped when it failed.
   */
  async requeueFailed(manager: EntityManager, id: string, acceptUrl?: string): Promise<DeliveryRow> {
    const [rows]: [DeliveryRow[], number] = await manager.query(
      `UPDATE ${NOTIFICATION_SCHEMA}.deliveries
       SET status = 'queued', attempts = 0, next_attempt_at = now(), updated_at = now(),
           vars = CASE WHEN $2::text IS NULL THEN vars ELSE vars || jsonb_build_object('acceptUrl', $2::text) END
       WHERE id = $1 AND status = 'failed'
       RETURNING ${COLUMNS}`,
      [id, acceptUrl ?? null],
    );
    return rows[0];
  }
}

/** `value` matched literally inside LIKE (its own % and _ are not wildcards). */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}
