/** Address lookups, invite inserts and hub.member.add-bulk calls move in chunks of this many rows. */
export const INVITE_CHUNK_SIZE = 1000;

/** When the hub's permission check carries no tenancy policy (it always should): PRODUCT.md's default. */
export const DEFAULT_INVITE_EXPIRY_DAYS = 14;
