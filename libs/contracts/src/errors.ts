/**
 * Error codes that cross process boundaries. Stable: clients and the gateway's status table rely on
 * them. `instanceof` does not survive serialisation, a string code does.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'VALIDATION.FAILED',
  INTERNAL: 'INTERNAL',
  RPC_TIMEOUT: 'RPC.TIMEOUT',
  RPC_UNAVAILABLE: 'RPC.UNAVAILABLE',
  AUTH_REQUIRED: 'AUTH.REQUIRED',
  AUTH_INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  AUTH_RATE_LIMITED: 'AUTH.RATE_LIMITED',
  PERMISSION_DENIED: 'PERMISSION.DENIED',
  NOT_FOUND: 'NOT_FOUND',
  TENANCY_NOT_FOUND: 'TENANCY.NOT_FOUND',
  TENANCY_SLUG_TAKEN: 'TENANCY.SLUG_TAKEN',
  HUB_NOT_FOUND: 'HUB.NOT_FOUND',
  HUB_NAME_TAKEN: 'HUB.NAME_TAKEN',
  MEMBER_NOT_FOUND: 'MEMBER.NOT_FOUND',
  MEMBER_LAST_ADMIN: 'MEMBER.LAST_ADMIN',
  MEMBER_ADMIN_MUST_BE_TEAM_MEMBER: 'MEMBER.ADMIN_MUST_BE_TEAM_MEMBER',
  ACCOUNT_NOT_FOUND: 'ACCOUNT.NOT_FOUND',
  ACCOUNT_EMAIL_TAKEN: 'ACCOUNT.EMAIL_TAKEN',
  ACCOUNT_INVALID_EMAIL: 'ACCOUNT.INVALID_EMAIL',
  ACCOUNT_WEAK_PASSWORD: 'ACCOUNT.WEAK_PASSWORD',
  POLICY_APPENDIX_TOO_LONG: 'POLICY.APPENDIX_TOO_LONG',
  POLICY_APPENDIX_BLANK: 'POLICY.APPENDIX_BLANK',
  INVITE_NOT_FOUND: 'INVITE.NOT_FOUND',
  INVITE_EXPIRED: 'INVITE.EXPIRED',
  INVITE_REVOKED: 'INVITE.REVOKED',
  INVITE_ALREADY_USED: 'INVITE.ALREADY_USED',
  INVITE_SELF: 'INVITE.SELF',
  INVITE_NOT_PENDING: 'INVITE.NOT_PENDING',
  INVITE_INVALID_EMAIL: 'INVITE.INVALID_EMAIL',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** The shape every domain error takes on the wire (RPC replies and HTTP error bodies). */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).message === 'string'
  );
}
