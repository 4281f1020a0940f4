import { SlidingWindowLimiter } from './sliding-window-limiter';

describe('SlidingWindowLimiter', () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows `limit` hits per key in the window, then says how long to wait', () => {
    const limiter = new SlidingWindowLimiter(3, 60_000, clock);
    expect([1, 2, 3].map(() => limiter.take('203.0.113.7').allowed)).toEqual([true, true, true]);
    now += 10_000;
    expect(limiter.take('203.0.113.7')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.take('198.51.100.1')).toEqual({ allowed: true });
  });

  it('slides: a hit leaves the window a window after it happened', () => {
    const limiter = new SlidingWindowLimiter(2, 60_000, clock);
    limiter.take('a');
    now += 30_000;
    limiter.take('a');
    now += 30_001;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('does not count refused hits, so the window drains while a client keeps trying', () => {
    const limiter = new SlidingWindowLimiter(1, 60_000, clock);
    limiter.take('a');
    for (let i = 0; i < 10; i++) {
      now += 5_000;
      limiter.take('a');
    }
    now += 10_001;
    expect(limiter.take('a').allowed).toBe(true);
  });
});
