import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddTenantAdminRequest,
  CreateTenancyRequest,
  pageWindow,
  ERROR_CODES,
  GetPolicyRequest,
  HUB_EVENTS,
  ListTenanciesRequest,
  Page,
  PolicyChangedPayload,
  PolicyView,
  TenancySummaryView,
  TenancyView,
  UpdatePolicyRequest,
  DomainError,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { AccessService } from '../permissions/access.service';
import { isUniqueViolation } from '../unique-violation';
import { toPolicyView, toTenancyView } from '../views';
import { changeAppendix } from './appendix-rule';
import { TenancyPolicyEntity } from './tenancy-policy.entity';
import { TenancyEntity } from './tenancy.entity';

interface TenancySummaryRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  admin_count: number;
  hub_count: number;
}

/** What a tenant admin sets in a policy: compared to tell a change, and recorded before/after in the audit log. */
const POLICY_FIELDS = [
  'inviteMessageAppendix',
  'inviteMessageAppendixEnabled',
  'inviteMessageAppendixText',
  'inviteExpiryDays',
] as const satisfies (keyof PolicyView)[];

const policyFields = (view: PolicyView) => Object.fromEntries(POLICY_FIELDS.map((field) => [field, view[field]]));

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

  /**
   * Operators get every tenancy, anyone else the ones they administer; each with its numbers of tenant
   * admins and Hubs, counted by the database for the page's rows only.
   */
  async list(request: ListTenanciesRequest): Promise<Page<TenancySummaryView>> {
    const { actor } = request;
    const { limit, offset } = pageWindow(request);
    const mine = actor.isOperator ? null : actor.accountId;
    const visible = `($1::uuid IS NULL OR EXISTS (
        SELECT 1 FROM hub.tenant_admins me WHERE me.tenancy_id = t.id AND me.account_id = $1))`;
    const rows: TenancySummaryRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.slug, t.created_at,
              (SELECT count(*) FROM hub.tenant_admins a WHERE a.tenancy_id = t.id)::int AS admin_count,
              (SELECT count(*) FROM hub.hubs h WHERE h.tenancy_id = t.id)::int AS hub_count
       FROM hub.tenancies t WHERE ${visible}
       ORDER BY t.name, t.id LIMIT $2 OFFSET $3`,
      [mine, limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM hub.tenancies t WHERE ${visible}`,
      [mine],
    );
    const items = rows.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      createdAt: row.created_at.toISOString(),
      adminCount: row.admin_count,
      hubCount: row.hub_count,
    }));
    return { items, total, limit, offset };
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
    return this.dataSource.transaction(async (manager) => {
      const policy = await manager.findOneOrFail(TenancyPolicyEntity, {
        where: { tenancyId },
        lock: { mode: 'pessimistic_write' },
      });
      const before = toPolicyView(policy);
      const appendix = changeAppendix(
        { text: policy.inviteMessageAppendix, enabled: policy.inviteMessageAppendixEnabled },
        request,
      );
      policy.inviteMessageAppendix = appendix.text;
      policy.inviteMessageAppendixEnabled = appendix.enabled;
      if (request.inviteExpiryDays !== undefined) policy.inviteExpiryDays = request.inviteExpiryDays;
      const changed = POLICY_FIELDS.some((field) => toPolicyView(policy)[field] !== before[field]);
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
        details: { before: policyFields(before), after: policyFields(after) },
      });
      return after;
    });
  }
}
