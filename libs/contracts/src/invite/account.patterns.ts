/** Account registry and credentials, served by the invite service. */
export const ACCOUNT_PATTERNS = {
  LOOKUP: 'invite.account.lookup',
  CREATE: 'invite.account.create',
  /**
   * Undo of CREATE for a set-up that failed half-way (bootstrap): deletes an account created moments ago
   * that nothing uses yet; refuses (ACCOUNT.IN_USE) otherwise.
   */
  DISCARD_UNUSED: 'invite.account.discard-unused',
  GET: 'invite.account.get',
  /** Names and addresses of up to 500 accounts by id, in one query (the console's audit log shows people). */
  NAMES: 'invite.account.names',
  STATS: 'invite.account.stats',
  CREDENTIALS_VERIFY: 'invite.credentials.verify',
  /** Browser sessions (docs/architecture.md, "Browser sessions"): the gateway's cookie maps to one of these. */
  SESSION_START: 'invite.account.session.start',
  SESSION_RESOLVE: 'invite.account.session.resolve',
  SESSION_END: 'invite.account.session.end',
  SESSION_END_ALL: 'invite.account.session.end-all',
} as const;

export const ACCOUNT_EVENTS = {
  CREATED: 'invite.account.created',
} as const;
