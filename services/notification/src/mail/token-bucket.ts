/**
 * A token bucket for the sending rate: `ratePerSecond` tokens a second, holding at most `capacity`
 * (one second's worth by default, so a quiet spell allows a short burst and no more). take() resolves
 * when a token is available; waiters are served in order.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number = Math.max(1, ratePerSecond),
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(ratePerSecond > 0)) throw new Error('ratePerSecond must be positive');
    this.tokens = this.capacity;
    this.refilledAt = this.now();
  }

  take(): Promise<void> {
    const mine = this.turn.then(() => this.acquire());
    this.turn = mine.catch(() => undefined);
    return mine;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond)));
    }
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.ratePerSecond) / 1000);
    this.refilledAt = now;
  }
}
