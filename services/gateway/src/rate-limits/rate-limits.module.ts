import { DynamicModule, Module } from '@nestjs/common';
import { JoinRateLimits } from '../public-pages/join/join-rate-limits';
import { GatewayEnv } from '../gateway.config';
import { GatewayDatabase } from './gateway-database';
import { PgThrottlerStorage } from './pg-throttler-storage';
import { SharedRateLimiter } from './shared-rate-limiter';

/** The gateway's rate limits, counted in PostgreSQL (shared by replicas): sign-in throttle and join page. */
@Module({})
export class RateLimitsModule {
  static register(env: GatewayEnv): DynamicModule {
    return {
      module: RateLimitsModule,
      global: true,
      providers: [
        { provide: GatewayEnv, useValue: env },
        GatewayDatabase,
        SharedRateLimiter,
        PgThrottlerStorage,
        JoinRateLimits,
      ],
      exports: [GatewayDatabase, SharedRateLimiter, PgThrottlerStorage, JoinRateLimits],
    };
  }
}
