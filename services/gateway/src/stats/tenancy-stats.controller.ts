import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, DEFAULT_STATS_DAYS, INVITE_PATTERNS, NOTIFICATION_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { TenancyAdminCheck } from '../tenancies/tenancy-admin-check';
import { Operation, TENANCY_ERRORS } from '../openapi/operation';
import { EmailStatsQuery, StatsWindowQuery } from './stats.dto';
import { EmailStatsResponse, InviteStatsResponse } from './stats.responses';

/** Adds up each numeric field of the per-day rows. */
function totalsOf<K extends string>(series: Record<K | 'day', number | string>[], keys: readonly K[]) {
  return Object.fromEntries(keys.map((key) => [key, series.reduce((sum, row) => sum + Number(row[key]), 0)])) as Record<
    K,
    number
  >;
}

/**
 * The console's Overview numbers of one tenancy, per day, computed where the data lives: invites in the
 * invite service, email outcomes in the notification service. Tenant admins of the tenancy and operators
 * (the hub decides, before either service is asked).
 */
@ApiTags('stats')
@Controller('api/v1/tenancies/:tenancyId/stats')
export class TenancyStatsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenancyAdmins: TenancyAdminCheck,
  ) {}

  @Get('invites')
  @Operation({
    id: 'getInviteStats',
    summary: 'Invites sent, accepted, expired and failed per day',
    description:
      'Tenant admins of the tenancy and operators. Days in UTC, today last. `failed` counts invite emails whose ' +
      'delivery failed for good, by the day they were asked for.',
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: InviteStatsResponse })
  async invites(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: StatsWindowQuery,
  ): Promise<InviteStatsResponse> {
    await this.tenancyAdmins.require(actor, tenancyId);
    const window = { actor, tenancyId, days: query.days ?? DEFAULT_STATS_DAYS, hubId: query.hubId };
    const [invites, emails] = await Promise.all([
      this.rpc.call(INVITE_PATTERNS.STATS, window),
      this.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_STATS, { ...window, template: 'invite' }),
    ]);
    const failedByDay = new Map(emails.map((row) => [row.day, row.failed]));
    const series = invites.map((row) => ({ ...row, failed: failedByDay.get(row.day) ?? 0 }));
    return { days: window.days, series, totals: totalsOf(series, ['sent', 'accepted', 'expired', 'failed'] as const) };
  }

  @Get('emails')
  @Operation({
    id: 'getEmailStats',
    summary: 'Emails per day by outcome: sent, failed, retrying, queued',
    description:
      'Tenant admins of the tenancy and operators. Each email counts on the day (UTC) it was asked for, under ' +
      'where it is now.',
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: EmailStatsResponse })
  async emails(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: EmailStatsQuery,
  ): Promise<EmailStatsResponse> {
    await this.tenancyAdmins.require(actor, tenancyId);
    const days = query.days ?? DEFAULT_STATS_DAYS;
    const series = await this.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_STATS, {
      actor,
      tenancyId,
      days,
      hubId: query.hubId,
      template: query.kind,
    });
    return { days, series, totals: totalsOf(series, ['sent', 'failed', 'retrying', 'queued'] as const) };
  }
}
