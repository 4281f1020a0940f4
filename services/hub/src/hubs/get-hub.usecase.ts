import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, GetHubRequest, HubWithMembershipView, DomainError } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { AccessPolicy } from '../permissions/access-policy';
import { toHubView, toMembershipView } from '../views';
import { HubEntity } from './hub.entity';

/** One Hub, with the actor's membership; not found for whoever may not see it (members, its tenancy's admins, operators may). */
@Injectable()
export class GetHub {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
  ) {}

  async execute({ actor, hubId }: GetHubRequest): Promise<HubWithMembershipView> {
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
