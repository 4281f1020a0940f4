import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AddTenantAdminRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { HUB_SCHEMA } from '../hub.config';
import { AccessPolicy } from '../permissions/access-policy';

/** A tenant admin makes another registered account a tenant admin of the tenancy (again: no change). */
@Injectable()
export class AddTenantAdmin {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
  ) {}

  async execute({ actor, tenancyId, admin }: AddTenantAdminRequest) {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO ${HUB_SCHEMA}.tenant_admins (tenancy_id, account_id, email, display_name) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING account_id`,
        [tenancyId, admin.accountId, admin.email, admin.displayName],
      );
      if (rows.length > 0) {
        await this.audit.append(manager, {
          tenancyId,
          actorAccountId: actor.accountId,
          action: 'tenant_admin.added',
          subject: admin.email,
        });
      }
    });
    return { tenancyId, accountId: admin.accountId };
  }
}
