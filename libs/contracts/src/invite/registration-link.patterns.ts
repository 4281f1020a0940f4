/**
 * A Hub's registration link, served by the invite service: one per Hub, disabled by default, through
 * which new people create an account and join (PRODUCT.md "Registration links").
 */
export const REGISTRATION_LINK_PATTERNS = {
  /** The Hub's link as the caller may see it (Team Members: while enabled; Hub admins: always). */
  GET: 'invite.registration-link.get',
  /** Enable/disable and change the settings (Hub admins). */
  UPDATE: 'invite.registration-link.update',
  /** A new URL; the old one stops working at once (Hub admins). */
  ROTATE: 'invite.registration-link.rotate',
  /** Public join page: what a token offers. Changes nothing. */
  PREVIEW_JOIN: 'invite.registration-link.preview-join',
  /**
   * Public join page: checks the link and the address and records a PENDING sign-up; the verification
   * email (invite.signup.confirmation-requested) goes to the address. Creates no account.
   */
  JOIN: 'invite.registration-link.join',
  /** Public confirm page (GET): what confirming a pending sign-up will do. Changes nothing. */
  PREVIEW_SIGNUP: 'invite.registration-link.preview-signup',
  /** Public confirm page (POST): creates the (verified) account, counts the use, grants the membership. */
  CONFIRM_SIGNUP: 'invite.registration-link.confirm-signup',
} as const;

/** Events of a registration link's life, published through the invite service's outbox (for the audit log). */
export const REGISTRATION_LINK_EVENTS = {
  ENABLED: 'invite.registration-link.enabled',
  DISABLED: 'invite.registration-link.disabled',
  ROTATED: 'invite.registration-link.rotated',
  UPDATED: 'invite.registration-link.updated',
  USED: 'invite.registration-link.used',
} as const;

/**
 * Sign-ups through a registration link waiting for their address to be confirmed. Deliberately not
 * under invite.registration-link.*: the payload carries the confirm URL (the raw token), which must
 * reach only the notification service, not the audit log.
 */
export const SIGNUP_EVENTS = {
  /** Send the verification email (notification template `signup-confirm`). */
  CONFIRMATION_REQUESTED: 'invite.signup.confirmation-requested',
} as const;

/**
 * As of now: `open` (people can join), `disabled` (off, the default), `expired` (past its expiry),
 * `used_up` (its maximum number of uses reached).
 */
export const REGISTRATION_LINK_STATUSES = ['open', 'disabled', 'expired', 'used_up'] as const;
export type RegistrationLinkStatus = (typeof REGISTRATION_LINK_STATUSES)[number];

/** Most domains one link may allow, and most uses one link may be given. */
export const MAX_REGISTRATION_LINK_DOMAINS = 100;
export const MAX_REGISTRATION_LINK_USES = 1_000_000;
