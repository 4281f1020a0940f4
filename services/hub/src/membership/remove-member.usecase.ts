import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HUB_EVENTS, MemberRemovedPayload, RemoveMemberRequest } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { AccessPolicy } from '../permissions/access-policy';
import { MembershipEntity } from './membership.entity';
import { ensureAnotherAdmin, requireMember } from './member-checks';

@Injectable()
export class RemoveMember {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, hubId, accountId }: RemoveMemberRequest): Promise<{ removed: true }> {
    return this.dataSource.transaction(async (manager) => {
      // Lock first, then check: a Hub admin demoted by a concurrent change is refused, not let through.
      await this.access.lockHub(manager, hubId);
      const { hub } = await this.access.requireHubAction(actor, hubId, 'members.manage', { manager });
      const target = await requireMember(manager, hubId, accountId);
      if (target.isHubAdmin) await ensureAnotherAdmin(manager, hubId, accountId);
      await manager.delete(MembershipEntity, { hubId, accountId });
      const payload: MemberRemovedPayload = { hubId, tenancyId: hub.tenancyId, accountId, removedBy: actor.accountId };
      await this.outbox.add(manager, { name: HUB_EVENTS.MEMBER_REMOVED, payload });
      await this.audit.append(manager, {
        tenancyId: hub.tenancyId,
        hubId,
        actorAccountId: actor.accountId,
        action: 'member.removed',
        subject: target.email,
        details: { userType: target.userType },
      });
      return { removed: true as const };
    });
  }
}
