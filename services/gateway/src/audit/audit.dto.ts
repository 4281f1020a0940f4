import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../http/page-query.dto';
import { LogFilterQuery } from '../http/log-filter.dto';

/** The audit log's filters (the CSV export takes the same, without paging). */
export class AuditFilterQuery extends LogFilterQuery {
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
}

/** GET /api/v1/tenancies/{tenancyId}/audit: the filters and limit/offset. */
export class AuditQuery extends IntersectionType(PageQuery, AuditFilterQuery) {}
