import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryView, DEFAULT_PAGE_SIZE, HUB_PATTERNS, ListAuditRequest, Page } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
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

  @MessagePattern(HUB_PATTERNS.AUDIT_LIST)
  async list(@Payload() request: ListAuditRequest): Promise<Page<AuditEntryView>> {
    const { actor, tenancyId, hubId, limit = DEFAULT_PAGE_SIZE, offset = 0 } = request;
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const [rows, total] = await this.dataSource.manager.findAndCount(AuditEntryEntity, {
      where: hubId ? { tenancyId, hubId } : { tenancyId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toAuditView), total, limit, offset };
  }
}
