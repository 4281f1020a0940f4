import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddTenantAdminRequest,
  CreateTenancyRequest,
  DEFAULT_PAGE_SIZE,
  ERROR_CODES,
  GetPolicyRequest,
  HUB_EVENTS,
  ListTenanciesRequest,
  Page,
  PolicyChangedPayload,
  PolicyView,
  TenancyView,
  UpdatePolicyRequest,
} from '@gatehouse/contracts';
import { DomainError, OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { AccessService } from '../permissions/access.service';
import { isUniqueViolation } from '../unique-violation';
import { toPolicyView, toTenancyView } from '../views';
import { checkAppendix } from './appendix-rule';
import { TenancyPolicyEntity } from './tenancy-policy.entity';
import { TenancyEntity } from './tenancy.entity';
import { TenantAdminEntity } from './tenant-admin.entity';

@Injectable()
export class TenancyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async create({ actor, name, slug, firstAdmin }: CreateTenancyRequest): Promise<TenancyView> {
    if (!actor.isOperator) {
      throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only a platform operator can create tenancies.');
    }
    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO hub.tenancies (id, name, slug) VALUES ($1, $2, $3)', [id, name, slug]);
        await manager.query('INSERT INTO hub.tenancy_policies (tenancy_id) VALUES ($1)', [id]);
        await manager.query(
          'INSERT INTO hub.tenant_admins (tenancy_id, account_id, email, display_name) VALUES ($1, $2, $3, $4)',
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

  async list({ actor, limit = DEFAULT_PAGE_SIZE, offset = 0 }: ListTenanciesRequest): Promise<Page<TenancyView>> {
    const query = this.dataSource.manager.createQueryBuilder(TenancyEntity, 't').orderBy('t.name').addOrderBy('t.id');
    if (!actor.isOperator) {
      // The entity, not the table name: with paging, TypeORM can only alias joins it knows (a 500 before).
      query.innerJoin(TenantAdminEntity, 'a', 'a.tenancy_id = t.id AND a.account_id = :accountId', {
        accountId: actor.accountId,
      });
    }
    const [rows, total] = await query.take(limit).skip(offset).getManyAndCount();
    return { items: rows.map(toTenancyView), total, limit, offset };
  }

  async addAdmin({ actor, tenancyId, admin }: AddTenantAdminRequest) {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    await this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(
        `INSERT INTO hub.tenant_admins (tenancy_id, account_id, email, display_name) VALUES ($1, $2, $3, $4)
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

  async getPolicy({ actor, tenancyId }: GetPolicyRequest): Promise<PolicyView> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    return toPolicyView(await this.dataSource.manager.findOneOrFail(TenancyPolicyEntity, { where: { tenancyId } }));
  }

  async updatePolicy(request: UpdatePolicyRequest): Promise<PolicyView> {
    const { actor, tenancyId } = request;
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const appendix =
      request.inviteMessageAppendix === undefined ? undefined : checkAppendix(request.inviteMessageAppendix);
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.findOneOrFail(TenancyPolicyEntity, {
        where: { tenancyId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = toPolicyView(policy);
      if (appendix !== undefined) policy.inviteMessageAppendix = appendix;
      if (request.inviteExpiryDays !== undefined) policy.inviteExpiryDays = request.inviteExpiryDays;
      const changed =
        policy.inviteMessageAppendix !== before.inviteMessageAppendix ||
        policy.inviteExpiryDays !== before.inviteExpiryDays;
      if (!changed) return before;
      policy.version += 1;
      policy.updatedAt = new Date();
      await manager.save(policy);
      const after = toPolicyView(policy);
      const payload: PolicyChangedPayload = {
        tenancyId,
        inviteMessageAppendix: after.inviteMessageAppendix,
        inviteExpiryDays: after.inviteExpiryDays,
        version: after.version,
        changedBy: actor.accountId,
        updatedAt: after.updatedAt,
      };
      await this.outbox.add(manager, { name: HUB_EVENTS.POLICY_CHANGED, payload });
      await this.audit.append(manager, {
        tenancyId,
        actorAccountId: actor.accountId,
        action: 'policy.changed',
        details: {
          before: { inviteMessageAppendix: before.inviteMessageAppendix, inviteExpiryDays: before.inviteExpiryDays },
          after: { inviteMessageAppendix: after.inviteMessageAppendix, inviteExpiryDays: after.inviteExpiryDays },
        },
      });
      return after;
    });
  }
}
