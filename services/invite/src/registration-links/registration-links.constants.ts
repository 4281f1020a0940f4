/** The invite service's schema (also its inbox's). */
export const REGISTRATION_LINK_SCHEMA = 'invite';

/**
 * After a sign-up commits, the join itself asks the hub for the membership; the retry worker leaves a
 * fresh use alone this long, so the two do not both call for it (they may: the hub call is idempotent).
 */
export const GRANT_INLINE_LEASE_SECONDS = 30;

/** A retry worker's claim on a use lasts this long; a worker that died mid-call leaves it to the next one. */
export const GRANT_CLAIM_LEASE_SECONDS = 60;

/** The inline hub call gets at most this long, so the join answers well within the gateway's RPC timeout. */
export const GRANT_INLINE_TIMEOUT_MS = 2000;

/** Failed grants are retried after 1 s, 2 s, 4 s … at most 10 minutes. */
export const GRANT_RETRY_BASE_MS = 1000;
export const GRANT_RETRY_MAX_MS = 10 * 60_000;

/** Uses settled per round of the retry worker (one hub.member.add-bulk per Hub and user type). */
export const GRANT_BATCH_SIZE = 500;

/** Expired, unconfirmed sign-ups are deleted this long after their expiry (until then: "expired", not "not valid"). */
export const PENDING_SIGNUP_KEEP_EXPIRED_HOURS = 7 * 24;
