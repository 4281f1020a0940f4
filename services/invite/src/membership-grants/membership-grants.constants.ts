/**
 * The one retry policy of membership grants (accepted invites and registration-link joins alike): a
 * grant the hub has not confirmed is retried after 1 s, 2 s, 4 s … at most 10 minutes.
 */
export const GRANT_RETRY_BASE_MS = 1_000;
export const GRANT_RETRY_MAX_MS = 10 * 60_000;

/**
 * How long the inline grant (right after the commit) waits for the hub before answering anyway (at most
 * half the RPC timeout, so the accept or sign-up itself answers in time); the retry loop does the rest.
 */
export const GRANT_INLINE_TIMEOUT_MS = 2_000;

/**
 * A fresh grant is left alone by the retry loop this long, so the inline call right after the commit
 * and the loop do not both ask for it (they may: hub.member.add-bulk is idempotent).
 */
export const GRANT_INLINE_LEASE_SECONDS = 30;

/** The retry loop's claim on a grant lasts this long; a loop that died mid-call leaves it to the next one. */
export const GRANT_CLAIM_LEASE_SECONDS = 60;

/** Grants settled per claim of the retry loop (one hub.member.add-bulk per Hub, user type and adder). */
export const GRANT_BATCH_SIZE = 1_000;
