/** The longest wait between two attempts, whatever the base and the attempt number. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before the next attempt after `attempts` failed ones (1, 2, …): base · 2^(attempts−1), capped,
 * with "equal jitter" — a random point in the upper half — so that a burst of failures does not come
 * back as a burst.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(exponential / 2 + random() * (exponential / 2));
}
