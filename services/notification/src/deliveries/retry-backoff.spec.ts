import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-backoff';

describe('retryDelayMs', () => {
  it('doubles with every attempt, between half and all of base·2^(n−1)', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2000, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 2000, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(3, 2000, () => 0.5)).toBe(6000);
  });

  it('is capped', () => {
    expect(retryDelayMs(40, 2000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads retries out (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, 2000)));
    expect(delays.size).toBeGreaterThan(1);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(16000);
      expect(d).toBeLessThanOrEqual(32000);
    }
  });
});
