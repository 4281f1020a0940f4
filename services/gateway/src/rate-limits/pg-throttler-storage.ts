import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { SharedRateLimiter } from './shared-rate-limiter';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The sign-in throttle's counts (SIGN_IN_RATE_LIMIT per client address per minute) in the shared limiter,
 * so that a guesser spreading attempts over gateway replicas gets the limit once, not once per replica.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly limiter: SharedRateLimiter) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _block: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const take = await this.limiter.take(`throttle:${name}`, key, limit, ttl);
    const seconds = Math.ceil(ttl / 1000);
    return take.allowed
      ? { totalHits: take.hits, timeToExpire: seconds, isBlocked: false, timeToBlockExpire: 0 }
      : {
          totalHits: limit + 1,
          timeToExpire: take.retryAfterSeconds,
          isBlocked: true,
          timeToBlockExpire: take.retryAfterSeconds,
        };
  }
}
