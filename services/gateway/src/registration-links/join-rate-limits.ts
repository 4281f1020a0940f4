import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../gateway.config';
import { SlidingWindowLimiter, Take } from './sliding-window-limiter';

/**
 * The public join page's limits per client address: page views (JOIN_PAGE_RATE_LIMIT) and sign-up
 * attempts (JOIN_SUBMIT_RATE_LIMIT), each per JOIN_RATE_WINDOW_SECONDS. The invite service adds a limit
 * per link behind them.
 */
@Injectable()
export class JoinRateLimits {
  private readonly views: SlidingWindowLimiter;
  private readonly submits: SlidingWindowLimiter;

  constructor(env: GatewayEnv) {
    const windowMs = env.JOIN_RATE_WINDOW_SECONDS * 1000;
    this.views = new SlidingWindowLimiter(env.JOIN_PAGE_RATE_LIMIT, windowMs);
    this.submits = new SlidingWindowLimiter(env.JOIN_SUBMIT_RATE_LIMIT, windowMs);
  }

  view(clientAddress: string): Take {
    return this.views.take(clientAddress);
  }

  submit(clientAddress: string): Take {
    return this.submits.take(clientAddress);
  }
}
