import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HubWithMembershipView, ListHubsRequest, Page, pageWindow } from '@gatehouse/contracts';
import { DataSource, In } from 'typeorm';
import { MembershipEntity } from '../membership/membership.entity';
import { AccessPolicy } from '../permissions/access-policy';
import { toHubView, toMembershipView } from '../views';
import { HubEntity } from './hub.entity';

/**
 * The Hubs the actor belongs to; with a tenancy the actor administers (or any, for an operator), every
 * Hub of it. Each with the actor's own membership, null where the actor sees the Hub without being a member.
 */
@Injectable()
export class ListHubs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async execute(request: ListHubsRequest): Promise<Page<HubWithMembershipView>> {
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
}
