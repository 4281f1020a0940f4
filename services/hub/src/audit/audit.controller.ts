import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryView, HUB_PATTERNS, ListAuditRequest, Page, pageWindow } from '@gatehouse/contracts';
import { DataSource, LessThan, MoreThanOrEqual, And, FindOptionsWhere } from 'typeorm';
import { AccessService } from '../permissions/access.service';
import { toAuditView } from '../views';
import { AuditEntryEntity } from './audit-entry.entity';

/** Reading the audit log (tenant admins, operators). There is no pattern that edits or deletes it. */
@Controller()
export class AuditController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Newest first; every filter is a condition of the one query (indexes: tenancy, correlation id, actor). */
  @MessagePattern(HUB_PATTERNS.AUDIT_LIST)
  async list(@Payload() request: ListAuditRequest): Promise<Page<AuditEntryView>> {
    const { actor, tenancyId } = request;
    const { limit, offset } = pageWindow(request);
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const [rows, total] = await this.dataSource.manager.findAndCount(AuditEntryEntity, {
      where: auditFilter(request),
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toAuditView), total, limit, offset };
  }
}

function auditFilter(request: ListAuditRequest): FindOptionsWhere<AuditEntryEntity> {
  const { tenancyId, hubId, actorAccountId, action, correlationId, from, to } = request;
  const where: FindOptionsWhere<AuditEntryEntity> = { tenancyId };
  if (hubId) where.hubId = hubId;
  if (actorAccountId) where.actorAccountId = actorAccountId;
  if (action) where.action = action;
  if (correlationId) where.correlationId = correlationId;
  if (from && to) where.createdAt = And(MoreThanOrEqual(new Date(from)), LessThan(new Date(to)));
  else if (from) where.createdAt = MoreThanOrEqual(new Date(from));
  else if (to) where.createdAt = LessThan(new Date(to));
  return where;
}
