import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateHubRequest,
  pageWindow,
  ERROR_CODES,
  GetHubRequest,
  HUB_EVENTS,
  HubWithMembershipView,
  ListHubsRequest,
  ListTenancyHubsRequest,
  MembersAddedPayload,
  Page,
  TenancyHubView,
  DomainError,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { MembershipEntity } from '../membership/membership.entity';
import { AccessService } from '../permissions/access.service';
import { isUniqueViolation } from '../unique-violation';
import { toHubView, toMembershipView } from '../views';
import { HubEntity } from './hub.entity';

@Injectable()
export class HubService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Tenant admins (and operators) create Hubs; the creator becomes the first Hub admin, a Team Member. */
  async create({ actor, tenancyId, name }: CreateHubRequest): Promise<HubWithMembershipView> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query('INSERT INTO hub.hubs (id, tenancy_id, name, created_by) VALUES ($1, $2, $3, $4)', [
          id,
          tenancyId,
          name.trim(),
          actor.accountId,
        ]);
        await manager.query(
          `INSERT INTO hub.memberships (hub_id, account_id, email, display_name, user_type, is_hub_admin, can_invite)
           VALUES ($1, $2, $3, $4, 'TEAM_MEMBER', true, true)`,
          [id, actor.accountId, actor.email, actor.displayName],
        );
        const hub = await manager.findOneOrFail(HubEntity, { where: { id } });
        const membership = await manager.findOneOrFail(MembershipEntity, {
          where: { hubId: id, accountId: actor.accountId },
        });
        const payload: MembersAddedPayload = {
          hubId: id,
          tenancyId,
          hubName: hub.name,
          userType: 'TEAM_MEMBER',
          addedBy: actor.accountId,
          members: [{ accountId: actor.accountId, email: actor.email, displayName: actor.displayName }],
        };
        await this.outbox.add(manager, { name: HUB_EVENTS.MEMBERS_ADDED, payload });
        await this.audit.append(manager, [
          { tenancyId, hubId: id, actorAccountId: actor.accountId, action: 'hub.created', details: { name: hub.name } },
          {
            tenancyId,
            hubId: id,
            actorAccountId: actor.accountId,
            action: 'member.added',
            subject: actor.email,
            details: { userType: 'TEAM_MEMBER', isHubAdmin: true },
          },
        ]);
        return { ...toHubView(hub), membership: toMembershipView(membership) };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ERROR_CODES.HUB_NAME_TAKEN, `This tenancy already has a Hub named "${name.trim()}".`);
      }
      throw error;
    }
  }

  /**
   * The Hubs the actor belongs to; with a tenancy the actor administers (or any, for an operator), every
   * Hub of it. Each with the actor's own membership, null where the actor sees the Hub without being a member.
   */
  async list(request: ListHubsRequest): Promise<Page<HubWithMembershipView>> {
    const { actor, tenancyId } = request;
    const { limit, offset } = pageWindow(request);
    const query = this.dataSource.manager.createQueryBuilder(HubEntity, 'h').orderBy('h.name').addOrderBy('h.id');
    const seesWholeTenancy =
      tenancyId !== undefined && (actor.isOperator || (await this.access.isTenantAdmin(tenancyId, actor.accountId)));
    if (tenancyId !== undefined) query.andWhere('h.tenancy_id = :tenancyId', { tenancyId });
    if (!seesWholeTenancy) {
      query.innerJoin(MembershipEntity, 'm', 'm.hub_id = h.id AND m.account_id = :accountId', {
        accountId: actor.accountId,
      });
    }
    const [rows, total] = await query.take(limit).skip(offset).getManyAndCount();
    const memberships = rows.length
      ? await this.dataSource.manager.find(MembershipEntity, {
          where: { hubId: In(rows.map((hub) => hub.id)), accountId: actor.accountId },
        })
      : [];
    const byHub = new Map(memberships.map((membership) => [membership.hubId, toMembershipView(membership)]));
    const items = rows.map((hub) => ({ ...toHubView(hub), membership: byHub.get(hub.id) ?? null }));
    return { items, total, limit, offset };
  }

  /**
   * The console's Hubs page: every Hub of a tenancy the actor administers (or any, for an operator), with
   * each one's member count, counted by the database for the page's Hubs only.
   */
  async listForTenancy({ actor, tenancyId, limit, offset }: ListTenancyHubsRequest): Promise<Page<TenancyHubView>> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const page = await this.list({ actor, tenancyId, limit, offset });
    const counts: { hub_id: string; member_count: number }[] = page.items.length
      ? await this.dataSource.query(
          `SELECT hub_id, count(*)::int AS member_count FROM hub.memberships
           WHERE hub_id = ANY($1::uuid[]) GROUP BY hub_id`,
          [page.items.map((hub) => hub.id)],
        )
      : [];
    const byHub = new Map(counts.map((row) => [row.hub_id, row.member_count]));
    return { ...page, items: page.items.map((hub) => ({ ...hub, memberCount: byHub.get(hub.id) ?? 0 })) };
  }

  async get({ actor, hubId }: GetHubRequest): Promise<HubWithMembershipView> {
    const hub = await this.dataSource.manager.findOne(HubEntity, { where: { id: hubId } });
    const notFound = new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');
    if (!hub) throw notFound;
    const membership = await this.access.membership(hubId, actor.accountId);
    if (membership) return { ...toHubView(hub), membership: toMembershipView(membership) };
    if (actor.isOperator || (await this.access.isTenantAdmin(hub.tenancyId, actor.accountId))) {
      return { ...toHubView(hub), membership: null };
    }
    throw notFound;
  }
}
