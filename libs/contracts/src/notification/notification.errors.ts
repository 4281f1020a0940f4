/**
 * Error codes of the notification service's RPC API (the shared ones, such as VALIDATION.FAILED,
 * PERMISSION.DENIED and POLICY.APPENDIX_*, are in ERROR_CODES).
 */
export const NOTIFICATION_ERROR_CODES = {
  /** No delivery with that id in that tenancy. */
  DELIVERY_NOT_FOUND: 'DELIVERY.NOT_FOUND',
  /**
   * Only a failed delivery can be retried, and not one whose link has expired, whose invite is no longer
   * pending or was resent since, nor a sign-up confirmation whose link was dropped.
   */
  DELIVERY_NOT_RETRYABLE: 'DELIVERY.NOT_RETRYABLE',
} as const;

export type NotificationErrorCode = (typeof NOTIFICATION_ERROR_CODES)[keyof typeof NOTIFICATION_ERROR_CODES];
