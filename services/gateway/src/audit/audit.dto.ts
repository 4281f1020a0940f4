import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../api/api.dto';

/** The audit log's filters (the CSV export takes the same, without paging). */
export class AuditFilterQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  hubId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Who did it (account id)' })
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  @ApiPropertyOptional({ example: 'invite.sent' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action is an audit action such as invite.sent' })
  action?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Everything one request or one mass invite caused' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  correlationId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'At or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date and time (ISO 8601)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date and time (ISO 8601)' })
  to?: string;
}

/** GET /api/v1/tenancies/{tenancyId}/audit: the filters and limit/offset. */
export class AuditQuery extends IntersectionType(PageQuery, AuditFilterQuery) {}
