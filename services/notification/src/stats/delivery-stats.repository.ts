import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeliveryBacklogView, DeliveryDailyStats, DeliveryStatsRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../notification.config';

/**
 * Where a delivery is now, as the console counts it: "retrying" = queued again after a failed attempt;
 * "queued" = not tried yet, or being sent now ("sending" has its attempt counted already).
 */
const OUTCOME = `CASE
    WHEN d.status IN ('sent', 'failed') THEN d.status
    WHEN d.status = 'queued' AND d.attempts > 0 THEN 'retrying'
    ELSE 'queued'
  END`;

/** Counting queries on notification.deliveries: one statement each, grouped in the database. */
@Injectable()
export class DeliveryStatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every day of the window (UTC, today last), the emails asked for that day by outcome; zeros included. */
  async daily(request: DeliveryStatsRequest): Promise<DeliveryDailyStats[]> {
    return this.dataSource.query(
      `WITH span AS (
         SELECT day::date AS day
         FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($2::int - 1), (now() AT TIME ZONE 'UTC')::date,
                              interval '1 day') AS day
       ),
       counted AS (
         SELECT date_trunc('day', d.created_at AT TIME ZONE 'UTC')::date AS day, ${OUTCOME} AS outcome,
                count(*)::int AS n
         FROM ${NOTIFICATION_SCHEMA}.deliveries d
         WHERE d.tenancy_id = $1
           AND d.created_at >= ((SELECT min(day) FROM span)::timestamp AT TIME ZONE 'UTC')
           AND ($3::uuid IS NULL OR d.hub_id = $3)
           AND ($4::text IS NULL OR d.template = $4)
         GROUP BY 1, 2
       )
       SELECT to_char(s.day, 'YYYY-MM-DD') AS day,
              coalesce(sum(c.n) FILTER (WHERE c.outcome = 'sent'), 0)::int AS sent,
              coalesce(sum(c.n) FILTER (WHERE c.outcome = 'failed'), 0)::int AS failed,
              coalesce(sum(c.n) FILTER (WHERE c.outcome = 'retrying'), 0)::int AS retrying,
              coalesce(sum(c.n) FILTER (WHERE c.outcome = 'queued'), 0)::int AS queued
       FROM span s LEFT JOIN counted c ON c.day = s.day
       GROUP BY s.day
       ORDER BY s.day`,
      [request.tenancyId, request.days, request.hubId ?? null, request.template ?? null],
    );
  }

  /** Emails not sent yet across the installation (uses the partial indexes on queued/sending). */
  async backlog(): Promise<DeliveryBacklogView> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE d.status = 'sending' OR d.attempts = 0)::int AS queued,
              count(*) FILTER (WHERE d.status = 'queued' AND d.attempts > 0)::int AS retrying,
              min(d.created_at) AS oldest
       FROM ${NOTIFICATION_SCHEMA}.deliveries d
       WHERE d.status IN ('queued', 'sending')`,
    )) as { queued: number; retrying: number; oldest: Date | null }[];
    return {
      queued: row.queued,
      retrying: row.retrying,
      oldestWaitingSince: row.oldest ? new Date(row.oldest).toISOString() : null,
    };
  }
}
