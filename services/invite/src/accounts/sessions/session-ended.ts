import { DomainError, ERROR_CODES } from '@gatehouse/contracts';

/** The one answer for a session that is not (or no longer) live. */
export const sessionEnded = () =>
  new DomainError(ERROR_CODES.AUTH_REQUIRED, 'Your session has ended or expired. Sign in again.');
