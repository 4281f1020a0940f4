import { Injectable } from '@nestjs/common';
import { GatewayEnv } from '../../gateway.config';
import { SharedRateLimiter, Take } from '../../rate-limits/shared-rate-limiter';

/**
 * The public join page's limits per client address: page views (JOIN_PAGE_RATE_LIMIT) and sign-up
 * attempts (JOIN_SUBMIT_RATE_LIMIT), each per JOIN_RATE_WINDOW_SECONDS, counted in PostgreSQL and so
 * shared by every gateway replica. The invite service adds a limit per link behind them.
 */
@Injectable()
export class JoinRateLimits {
  private readonly windowMs: number;

  constructor(
    private readonly limiter: SharedRateLimiter,
    private readonly env: GatewayEnv,
  ) {
    this.windowMs = env.JOIN_RATE_WINDOW_SECONDS * 1000;
  }

  view(clientAddress: string): Promise<Take> {
    return this.limiter.take('join-view', clientAddress, this.env.JOIN_PAGE_RATE_LIMIT, this.windowMs);
  }

  submit(clientAddress: string): Promise<Take> {
    return this.limiter.take('join-submit', clientAddress, this.env.JOIN_SUBMIT_RATE_LIMIT, this.windowMs);
  }
}
