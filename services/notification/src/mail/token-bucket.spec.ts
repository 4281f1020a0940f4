import { TokenBucket } from './token-bucket';

/** A clock that moves only when the bucket sleeps. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    sleeps,
  };
}

describe('TokenBucket', () => {
  it('lets a full bucket through at once, then paces at the rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, 10, clock.now, clock.sleep);
    for (let i = 0; i < 10; i++) await bucket.take();
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.now()).toBe(500);
  });

  it('refills with time, never above capacity', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, 2, clock.now, clock.sleep);
    await bucket.take();
    await bucket.take();
    clock.advance(10_000);
    await bucket.take();
    await bucket.take();
    expect(clock.sleeps).toEqual([]);
    await bucket.take();
    expect(clock.sleeps).toEqual([500]);
  });

  it('serves concurrent callers one token each, in order', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(1, 1, clock.now, clock.sleep);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => bucket.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(clock.now()).toBe(2000);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => new TokenBucket(0)).toThrow(/positive/);
  });
});
