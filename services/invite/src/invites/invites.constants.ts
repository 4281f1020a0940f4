/**
 * Address lookups, invite inserts and hub.member.add-bulk calls move in chunks of this many rows; a mass
 * invite decides one chunk per step, three steps at once, and asks the hub before each one whether its
 * uploader may still invite. 2,000: each chunk costs a permission check, two transactions, two events
 * and their consumers' transactions, so fewer, larger chunks finish a 100k-row import sooner (1,000:
 * 23.5–24.0 s, 2,000: 20.4–22.9 s, 5,000: 19.4–19.6 s here, docs/performance.md), while a permission
 * turned off mid-job still stops it within three chunks (6,000 rows).
 */
export const INVITE_CHUNK_SIZE = 2000;

/** When the hub's permission check carries no tenancy policy (it always should): PRODUCT.md's default. */
export const DEFAULT_INVITE_EXPIRY_DAYS = 14;
