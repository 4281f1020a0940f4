/** Account registry and credentials, served by the invite service. */
export const ACCOUNT_PATTERNS = {
  LOOKUP: 'invite.account.lookup',
  CREATE: 'invite.account.create',
  GET: 'invite.account.get',
  STATS: 'invite.account.stats',
  CREDENTIALS_VERIFY: 'invite.credentials.verify',
} as const;

export const ACCOUNT_EVENTS = {
  CREATED: 'invite.account.created',
} as const;
