import { ERROR_CODES } from '@gatehouse/contracts';
import { GRANT_RETRY_BASE_MS, GRANT_RETRY_MAX_MS } from './membership-grants.constants';

/** Refusals that no retry will change: the Hub is gone, or the hub service rejects the request itself. */
export const PERMANENT_GRANT_REFUSALS: ReadonlySet<string> = new Set<string>([
  ERROR_CODES.HUB_NOT_FOUND,
  ERROR_CODES.VALIDATION_FAILED,
]);

/** The delay before the next try of a grant that has been tried `attempts` times before this failure. */
export function grantRetryDelayMs(attempts: number): number {
  return Math.min(GRANT_RETRY_BASE_MS * 2 ** Math.max(0, attempts), GRANT_RETRY_MAX_MS);
}
