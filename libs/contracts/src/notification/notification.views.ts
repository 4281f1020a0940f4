/**
 * What a delivery record can be, as callers see it: queued (waiting for its first attempt), sending (claimed
 * by a sender, the SMTP exchange may be under way), sent, retrying (queued again after a failed attempt,
 * waiting for its back-off) and failed (given up, or refused for good by the recipient's server).
 */
export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'retrying', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The emails the notification service sends. */
export const EMAIL_TEMPLATE_IDS = ['invite', 'member-added', 'signup-confirm'] as const;
export type EmailTemplateId = (typeof EMAIL_TEMPLATE_IDS)[number];

/** One email to one recipient, caused by one event. */
export interface DeliveryView {
  id: string;
  /** The id of the event that asked for the email (at most one delivery per event and recipient). */
  eventId: string;
  recipient: string;
  template: EmailTemplateId;
  status: DeliveryStatus;
  /** SMTP attempts made so far. */
  attempts: number;
  /** Why the last attempt failed (also kept after a later success is queued). */
  lastError: string | null;
  /** The Message-ID header of the sent email. */
  messageId: string | null;
  tenancyId: string;
  hubId: string | null;
  createdAt: string;
  /** When a queued delivery is due next (later than now while it waits for a retry). */
  nextAttemptAt: string | null;
  sentAt: string | null;
  updatedAt: string;
}

/** The outcome of retrying the failed deliveries of one mass invite. */
export interface RetryFailedDeliveriesResult {
  /** Failed deliveries put back in the queue (attempts reset). */
  requeued: number;
  /** Failed invite or sign-up emails left failed because their link has expired. */
  expired: number;
  /** Failed invite emails left failed because the invite was accepted or revoked since: nobody needs them. */
  notPending: number;
  /** Failed invite emails left failed because the invite was resent since: the newer email has the live link. */
  resent: number;
  /**
   * Failed sign-up confirmations left failed: their link was dropped when they failed and is not renewed
   * (the person signs up again through the registration link).
   */
  linkGone: number;
}

/** An email as it would be sent, not sent. */
export interface RenderedEmailView {
  subject: string;
  html: string;
  text: string;
  /** The appendix that was rendered at the bottom (normalised), or null when it is off. */
  appendix: string | null;
}
