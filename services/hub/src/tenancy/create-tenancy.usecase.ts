import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CreateTenancyRequest, ERROR_CODES, TenancyView, DomainError } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { HUB_SCHEMA } from '../hub.config';
import { isUniqueViolation } from '../unique-violation';
import { toTenancyView } from '../views';
import { TenancyEntity } from './tenancy.entity';

/** Operators create tenancies, each with its default policy and its first tenant admin. */
@Injectable()
export class CreateTenancy {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async execute({ actor, name, slug, firstAdmin }: CreateTenancyRequest): Promise<TenancyView> {
    if (!actor.isOperator) {
      throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only a platform operator can create tenancies.');
    }
    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO ${HUB_SCHEMA}.tenancies (id, name, slug) VALUES ($1, $2, $3)`, [
          id,
          name,
          slug,
        ]);
        await manager.query(`INSERT INTO ${HUB_SCHEMA}.tenancy_policies (tenancy_id) VALUES ($1)`, [id]);
        await manager.query(
          `INSERT INTO ${HUB_SCHEMA}.tenant_admins (tenancy_id, account_id, email, display_name) VALUES ($1, $2, $3, $4)`,
          [id, firstAdmin.accountId, firstAdmin.email, firstAdmin.displayName],
        );
        await this.audit.append(manager, [
          {
            tenancyId: id,
            actorAccountId: actor.accountId,
            action: 'tenancy.created',
            subject: slug,
            details: { name },
          },
          { tenancyId: id, actorAccountId: actor.accountId, action: 'tenant_admin.added', subject: firstAdmin.email },
        ]);
        return toTenancyView(await manager.findOneOrFail(TenancyEntity, { where: { id } }));
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ERROR_CODES.TENANCY_SLUG_TAKEN, `A tenancy with the slug "${slug}" already exists.`);
      }
      throw error;
    }
  }
}
