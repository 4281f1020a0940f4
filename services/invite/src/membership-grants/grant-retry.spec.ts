import { ERROR_CODES } from '@gatehouse/contracts';
import { PERMANENT_GRANT_REFUSALS, grantRetryDelayMs } from './grant-retry';

describe('the one retry policy of membership grants', () => {
  it('doubles from 1 s with each attempt', () => {
    expect([0, 1, 2, 3, 4].map(grantRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits longer than 10 minutes, however many attempts failed', () => {
    expect(grantRetryDelayMs(10)).toBe(600_000);
    expect(grantRetryDelayMs(1_000)).toBe(600_000);
  });

  it('treats a negative count as the first attempt', () => {
    expect(grantRetryDelayMs(-3)).toBe(1_000);
  });

  it('gives up only when the Hub is gone or the hub refuses the request itself', () => {
    expect([...PERMANENT_GRANT_REFUSALS].sort()).toEqual(
      [ERROR_CODES.HUB_NOT_FOUND, ERROR_CODES.VALIDATION_FAILED].sort(),
    );
    expect(PERMANENT_GRANT_REFUSALS.has(ERROR_CODES.RPC_TIMEOUT)).toBe(false);
  });
});
