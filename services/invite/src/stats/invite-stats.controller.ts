import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_PATTERNS, InviteDailyStats, StatsWindowRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { INVITE_SCHEMA } from '../invite.config';

/**
 * A tenancy's invites per day of the window (UTC, today last; days with nothing are zeros), grouped in the
 * database: sent = created that day, accepted = accepted that day, expired = its expiry passed that day and
 * the housekeeping job marked it expired. One statement; each arm uses the invite's own timestamp.
 */
@Injectable()
export class InviteStatsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  daily(request: StatsWindowRequest): Promise<InviteDailyStats[]> {
    return this.dataSource.query(
      `WITH span AS (
         SELECT day::date AS day
         FROM generate_series((now() AT TIME ZONE 'UTC')::date - ($2::int - 1), (now() AT TIME ZONE 'UTC')::date,
                              interval '1 day') AS day
       ),
       since AS (SELECT (min(day)::timestamp AT TIME ZONE 'UTC') AS at FROM span),
       invites AS (
         SELECT i.* FROM ${INVITE_SCHEMA}.invites i WHERE i.tenancy_id = $1 AND ($3::uuid IS NULL OR i.hub_id = $3)
       ),
       happened AS (
         SELECT date_trunc('day', created_at AT TIME ZONE 'UTC')::date AS day, 'sent' AS what
         FROM invites WHERE created_at >= (SELECT at FROM since)
         UNION ALL
         SELECT date_trunc('day', accepted_at AT TIME ZONE 'UTC')::date, 'accepted'
         FROM invites WHERE status = 'accepted' AND accepted_at >= (SELECT at FROM since)
         UNION ALL
         SELECT date_trunc('day', expires_at AT TIME ZONE 'UTC')::date, 'expired'
         FROM invites WHERE status = 'expired' AND expires_at >= (SELECT at FROM since)
       )
       SELECT to_char(s.day, 'YYYY-MM-DD') AS day,
              count(h.what) FILTER (WHERE h.what = 'sent')::int AS sent,
              count(h.what) FILTER (WHERE h.what = 'accepted')::int AS accepted,
              count(h.what) FILTER (WHERE h.what = 'expired')::int AS expired
       FROM span s LEFT JOIN happened h ON h.day = s.day
       GROUP BY s.day
       ORDER BY s.day`,
      [request.tenancyId, request.days, request.hubId ?? null],
    );
  }
}

/**
 * invite.invite.stats: trusts the gateway's tenant-admin check (made with the hub, which owns tenant admins,
 * before the call — as for the delivery log); the query is bounded to the requested tenancy.
 */
@Controller()
export class InviteStatsController {
  constructor(private readonly query: InviteStatsQuery) {}

  @MessagePattern(INVITE_PATTERNS.STATS)
  daily(@Payload() request: StatsWindowRequest) {
    return this.query.daily(request);
  }
}
