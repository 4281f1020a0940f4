export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Keys kept at most; beyond that the oldest are dropped (a flood of addresses cannot exhaust memory). */
const MAX_KEYS = 100_000;
/** Every this many calls, keys whose hits all left the window are swept. */
const SWEEP_EVERY = 1_000;

/**
 * An in-memory sliding-window limit: at most `limit` hits per key in any `windowMs`. Each key keeps the
 * times of its hits in the window (never more than `limit` of them). Refused hits are not recorded, so
 * the window drains while a client keeps trying. Per process: with several gateway replicas each
 * counts on its own (see docs/registration-links.md).
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private calls = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): Take {
    const now = this.now();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0] + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    this.hits.delete(key);
    this.hits.set(key, times);
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value as string);
    return { allowed: true };
  }

  private sweep(now: number): void {
    const since = now - this.windowMs;
    for (const [key, times] of this.hits) {
      if (times[times.length - 1] <= since) this.hits.delete(key);
    }
  }
}
