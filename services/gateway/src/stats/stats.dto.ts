import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DEFAULT_STATS_DAYS, EMAIL_TEMPLATE_IDS, EmailTemplateId, MAX_STATS_DAYS } from '@gatehouse/contracts';

/** GET /api/v1/tenancies/{tenancyId}/stats/invites */
export class StatsWindowQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_STATS_DAYS,
    default: DEFAULT_STATS_DAYS,
    description: 'How many days, today (UTC) included.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(MAX_STATS_DAYS, { message: `days must be at most ${MAX_STATS_DAYS}` })
  days?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this Hub of the tenancy' })
  @IsOptional()
  @IsUUID()
  hubId?: string;
}

/** GET /api/v1/tenancies/{tenancyId}/stats/emails */
export class EmailStatsQuery extends StatsWindowQuery {
  @ApiPropertyOptional({
    enum: EMAIL_TEMPLATE_IDS,
    enumName: 'EmailTemplateId',
    description: 'Only this kind of email',
  })
  @IsOptional()
  @IsIn(EMAIL_TEMPLATE_IDS, { message: `kind must be one of ${EMAIL_TEMPLATE_IDS.join(', ')}` })
  kind?: EmailTemplateId;
}
