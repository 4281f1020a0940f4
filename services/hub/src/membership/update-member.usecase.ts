import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DomainError,
  ERROR_CODES,
  HUB_EVENTS,
  MemberChangedPayload,
  MembershipView,
  UpdateMemberRequest,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { AccessPolicy } from '../permissions/access-policy';
import { toMembershipView } from '../views';
import { describeMemberChanges } from './member-changes';
import { ensureAnotherAdmin, requireMember } from './member-checks';

@Injectable()
export class UpdateMember {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(request: UpdateMemberRequest): Promise<MembershipView> {
    const { actor, hubId, accountId } = request;
    return this.dataSource.transaction(async (manager) => {
      // Lock first, then check: a Hub admin demoted by a concurrent change is refused, not let through.
      await this.access.lockHub(manager, hubId);
      const { hub } = await this.access.requireHubAction(actor, hubId, 'members.manage', { manager });
      const target = await requireMember(manager, hubId, accountId);
      const before = toMembershipView(target);
      const userType = request.userType ?? target.userType;
      if (request.isHubAdmin === true && userType !== 'TEAM_MEMBER') {
        throw new DomainError(
          ERROR_CODES.MEMBER_ADMIN_MUST_BE_TEAM_MEMBER,
          'Only a Team Member can be a Hub admin. Make them a Team Member first.',
        );
      }
      // Becoming an External Member ends the Hub admin role.
      const isHubAdmin = userType === 'TEAM_MEMBER' ? (request.isHubAdmin ?? target.isHubAdmin) : false;
      if (target.isHubAdmin && !isHubAdmin) await ensureAnotherAdmin(manager, hubId, accountId);
      target.userType = userType;
      target.isHubAdmin = isHubAdmin;
      target.canInvite = request.canInvite ?? target.canInvite;
      const changes = describeMemberChanges(before, toMembershipView(target));
      if (changes.length === 0) return before;
      target.updatedAt = new Date();
      await manager.save(target);
      const after = toMembershipView(target);
      const payload: MemberChangedPayload = {
        hubId,
        tenancyId: hub.tenancyId,
        changedBy: actor.accountId,
        before,
        after,
      };
      await this.outbox.add(manager, { name: HUB_EVENTS.MEMBER_CHANGED, payload });
      await this.audit.append(
        manager,
        changes.map((change) => ({
          tenancyId: hub.tenancyId,
          hubId,
          actorAccountId: actor.accountId,
          action: change.action,
          subject: target.email,
          details: change.details,
        })),
      );
      return after;
    });
  }
}
