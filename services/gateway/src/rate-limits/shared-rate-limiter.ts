import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { GatewayEnv } from '../gateway.config';
import { GatewayDatabase } from './gateway-database';

export type Take = { allowed: true; hits: number } | { allowed: false; retryAfterSeconds: number };

/** Hits older than this are deleted (longer than any window: JOIN_RATE_WINDOW_SECONDS is at most a day). */
const KEEP_HITS = '1 day 1 hour';
const PRUNE_EVERY_MS = 60_000;

/**
 * A sliding-window limit kept in PostgreSQL, so that every gateway replica counts the same hits: at most
 * `limit` hits per key in any `windowMs`. A take locks its key (a transaction-scoped advisory lock), counts
 * the key's hits in the window and records one more only when under the limit: concurrent takes on any
 * replica never let more than `limit` through. Refused hits are not recorded, so the window drains while
 * a client keeps trying. Buckets are kept apart per installation (AMQP_NAMESPACE).
 */
@Injectable()
export class SharedRateLimiter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SharedRateLimiter');
  /** Deletes old hits every PRUNE_EVERY_MS (the first time one interval after boot). */
  private readonly pruner = new WorkerLoop({
    name: 'rate-limit pruning',
    startDelayMs: PRUNE_EVERY_MS,
    pollIntervalMs: PRUNE_EVERY_MS,
    logger: this.logger,
    runRound: () => this.prune(),
  });

  constructor(
    private readonly database: GatewayDatabase,
    private readonly env: GatewayEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.pruner.start();
  }

  /** Before the database closes: a prune under way finishes first. */
  async onModuleDestroy(): Promise<void> {
    await this.pruner.stop();
  }

  take(bucket: string, key: string, limit: number, windowMs: number): Promise<Take> {
    const scoped = `${this.env.AMQP_NAMESPACE}:${bucket}`;
    return this.database.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${scoped}|${key}`]);
      const [window]: { hits: number; retry_ms: number | null }[] = await manager.query(
        `SELECT count(*)::int AS hits,
                ceil(extract(epoch FROM min(hit_at) + $3 * interval '1 millisecond' - clock_timestamp()) * 1000)
                  AS retry_ms
         FROM gateway.rate_limit_hits
         WHERE bucket = $1 AND key = $2 AND hit_at > clock_timestamp() - $3 * interval '1 millisecond'`,
        [scoped, key, windowMs],
      );
      if (window.hits >= limit) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(window.retry_ms ?? 0) / 1000)) };
      }
      await manager.query('INSERT INTO gateway.rate_limit_hits (bucket, key) VALUES ($1, $2)', [scoped, key]);
      return { allowed: true, hits: window.hits + 1 };
    });
  }

  private async prune(): Promise<void> {
    try {
      await this.database.dataSource.query(`DELETE FROM gateway.rate_limit_hits WHERE hit_at < now() - $1::interval`, [
        KEEP_HITS,
      ]);
    } catch (error) {
      this.logger.warn(`pruning rate-limit hits: ${(error as Error).message}`);
    }
  }
}
