/** Request/response patterns served by the notification service: `<service>.<noun>.<verb>`. */
export const NOTIFICATION_PATTERNS = {
  /** A tenancy's delivery records (or all, for an operator), newest first, paged. */
  DELIVERY_LIST: 'notification.delivery.list',
  /** Puts a failed delivery back in the queue with its attempts reset. */
  DELIVERY_RETRY: 'notification.delivery.retry',
  /** Puts every failed delivery of one correlation id (one mass invite) back in the queue, set-based. */
  DELIVERY_RETRY_FAILED: 'notification.delivery.retry-failed',
  /** Renders the invite email of a tenancy with its current or a proposed appendix, without sending. */
  PREVIEW_RENDER: 'notification.preview.render',
  /** A tenancy's emails per day of the window, by outcome (sent / failed / retrying / queued). */
  DELIVERY_STATS: 'notification.delivery.stats',
  /** Emails waiting to be sent across the installation (operators; the health page). */
  DELIVERY_BACKLOG: 'notification.delivery.backlog',
} as const;
