import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TenancyActorRequest } from './actor-request';

/** The longest window a per-day statistic covers. */
export const MAX_STATS_DAYS = 366;
export const DEFAULT_STATS_DAYS = 30;

/**
 * A per-day statistic of one tenancy: the last `days` days in UTC, today included, optionally one Hub's.
 * The gateway asks only for tenant admins of the tenancy and operators (it checks with the hub first).
 */
export class StatsWindowRequest extends TenancyActorRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_STATS_DAYS)
  days!: number;

  @IsOptional()
  @IsUUID()
  hubId?: string;
}

/** `YYYY-MM-DD`, a day in UTC. */
export type StatsDay = string;
