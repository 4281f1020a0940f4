import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateHubRequest,
  ERROR_CODES,
  HUB_EVENTS,
  HubWithMembershipView,
  MembersAddedPayload,
  DomainError,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { HUB_SCHEMA } from '../hub.config';
import { MembershipEntity } from '../membership/membership.entity';
import { AccessPolicy } from '../permissions/access-policy';
import { isUniqueViolation } from '../unique-violation';
import { toHubView, toMembershipView } from '../views';
import { HubEntity } from './hub.entity';

/** Tenant admins (and operators) create Hubs; the creator becomes the first Hub admin, a Team Member. */
@Injectable()
export class CreateHub {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, tenancyId, name }: CreateHubRequest): Promise<HubWithMembershipView> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const id = randomUUID();
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO ${HUB_SCHEMA}.hubs (id, tenancy_id, name, created_by) VALUES ($1, $2, $3, $4)`,
          [id, tenancyId, name.trim(), actor.accountId],
        );
        await manager.query(
          `INSERT INTO ${HUB_SCHEMA}.memberships (hub_id, account_id, email, display_name, user_type, is_hub_admin, can_invite)
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
}
