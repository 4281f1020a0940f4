/**
 * How often the housekeeping loop runs: expiry sweep, registered-invitee pickup, pruning (outbox, sessions,
 * registration-link attempts, expired sign-ups). Membership grants have their own loop (MembershipGrantWorker).
 */
export const HOUSEKEEPING_INTERVAL_MS = 30_000;

/** Published outbox rows older than this are deleted: invite events carry raw accept tokens. */
export const OUTBOX_RETENTION = '1 hour';

/** An upload no piece has reached for this long was abandoned: it is deleted (a piece takes well under a second). */
export const STALE_UPLOAD_AFTER = '15 minutes';
