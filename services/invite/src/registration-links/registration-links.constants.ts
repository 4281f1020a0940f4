/** Expired, unconfirmed sign-ups are deleted this long after their expiry (until then: "expired", not "not valid"). */
export const PENDING_SIGNUP_KEEP_EXPIRED_HOURS = 7 * 24;
