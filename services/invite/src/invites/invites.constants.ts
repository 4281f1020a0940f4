/** Address lookups, invite inserts and hub.member.add-bulk calls move in chunks of this many rows. */
export const INVITE_CHUNK_SIZE = 1000;

/** When the hub's permission check carries no tenancy policy (it always should): PRODUCT.md's default. */
export const DEFAULT_INVITE_EXPIRY_DAYS = 14;

/** Membership grants that failed for a passing reason are retried after 5 s, 10 s, 20 s … at most 10 min. */
export const GRANT_RETRY_BASE_MS = 5_000;
export const GRANT_RETRY_MAX_MS = 10 * 60_000;

/**
 * How long an accept waits for the hub to confirm its memberships before answering anyway (at most half
 * the RPC timeout, so the accept itself answers in time); the housekeeping loop finishes the rest.
 */
export const GRANT_INLINE_TIMEOUT_MS = 2_000;

/** The service's schema under its older name, until its last users (the event consumers) import INVITE_SCHEMA. */
export { INVITE_SCHEMA as INVITE_DB_SCHEMA } from '../invite.config';
