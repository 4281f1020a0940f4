import type { DeliveryStatus, DeliveryView } from '@gatehouse/contracts';
import type { EmailTemplate, EmailTemplateName, EmailVars } from '../rendering';

/** Stored statuses: "sending" is internal (claimed by a worker, the SMTP exchange may be under way). */
export type StoredDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** The reason given to a delivery whose sender died mid-send, under the at-most-once crash policy. */
export const INTERRUPTED_REASON =
  'interrupted during sending; outcome unknown — retry from the console if the recipient did not get it';

/**
 * Render variables that hold a raw one-time token (an invite's accept link, a sign-up's confirmation link).
 * They are dropped once a delivery is settled — sent or failed — so no usable token stays at rest; a failed
 * email with such a link is not retried as it was (its link is gone): the invite is resent instead, which
 * issues a new link, or the person signs up again.
 */
export const ONE_TIME_LINK_VARS = ['acceptUrl', 'confirmUrl'] as const;

/** The note left on a delivery whose sender died mid-send, queued again under the at-least-once policy. */
export const RESENT_AFTER_CRASH_REASON =
  'interrupted during sending (the sender stopped); sent again with the same Message-ID';

/**
 * What happens to deliveries a crashed sender had claimed: sent again (the default; the recipient may get
 * the one in flight twice, with the same Message-ID) or failed as "outcome unknown" (never twice, maybe never).
 */
export const CRASH_POLICIES = ['at-least-once', 'at-most-once'] as const;
export type CrashPolicy = (typeof CRASH_POLICIES)[number];

/** The emails one event asks for: one template, one item per recipient (the batch shares the rest). */
export type DeliveryBatch = {
  [T in EmailTemplateName]: {
    eventId: string;
    tenancyId: string;
    hubId: string | null;
    correlationId: string | null;
    template: T;
    items: { recipient: string; vars: EmailVars<T> }[];
  };
}[EmailTemplateName];

/** A delivery claimed by the worker: what it needs to render and send one email. */
export interface ClaimedDelivery {
  id: string;
  recipient: string;
  tenancyId: string;
  /** Including the attempt now being made. */
  attempts: number;
  email: EmailTemplate;
  /** Invite emails: the tenancy's appendix as the read model held it at the claim (null: none). */
  appendix: string | null;
}

/** A row of notification.deliveries as pg returns it. */
export interface DeliveryRow {
  id: string;
  event_id: string;
  recipient: string;
  template: EmailTemplateName;
  vars: Record<string, unknown> | null;
  tenancy_id: string;
  hub_id: string | null;
  status: StoredDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  updated_at: Date;
}

/**
 * The status callers see. Stored "queued" is two things to a person: waiting for its first attempt
 * (queued), or waiting for its back-off after a failed one (retrying: attempts made, none succeeded).
 * A failed delivery retried from the console has its attempts reset, so it shows as queued again.
 */
export function publicStatus(row: Pick<DeliveryRow, 'status' | 'attempts'>): DeliveryStatus {
  if (row.status === 'queued') return row.attempts > 0 ? 'retrying' : 'queued';
  return row.status;
}

/** The stored condition of each public status (the same rule as publicStatus, for SQL filters). */
export const PUBLIC_STATUS_SQL: Record<DeliveryStatus, string> = {
  queued: `status = 'queued' AND attempts = 0`,
  retrying: `status = 'queued' AND attempts > 0`,
  sending: `status = 'sending'`,
  sent: `status = 'sent'`,
  failed: `status = 'failed'`,
};

export function toDeliveryView(row: DeliveryRow): DeliveryView {
  const status = publicStatus(row);
  return {
    id: row.id,
    eventId: row.event_id,
    recipient: row.recipient,
    template: row.template,
    status,
    attempts: row.attempts,
    lastError: row.last_error,
    messageId: row.message_id,
    tenancyId: row.tenancy_id,
    hubId: row.hub_id,
    createdAt: row.created_at.toISOString(),
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at.toISOString() : null,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}
