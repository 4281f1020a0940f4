import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddMembersBulkRequest,
  AddMembersBulkResult,
  pageWindow,
  FindMembersRequest,
  ERROR_CODES,
  GetMembershipRequest,
  HUB_EVENTS,
  ListMembersRequest,
  MemberChangedPayload,
  MemberRemovedPayload,
  MembersAddedPayload,
  MembershipView,
  Page,
  RemoveMemberRequest,
  UpdateMemberRequest,
  DomainError,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { HubEntity } from '../hubs/hub.entity';
import { AccessService } from '../permissions/access.service';
import { toMembershipView } from '../views';
import { MembershipEntity } from './membership.entity';
import { describeMemberChanges } from './member-changes';

@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async get({ hubId, accountId }: GetMembershipRequest): Promise<MembershipView | null> {
    const membership = await this.access.membership(hubId, accountId);
    return membership ? toMembershipView(membership) : null;
  }

  /**
   * External Members see Team Members only; internal callers (no actor) see everyone, and so do the
   * tenancy's tenant admins and operators who open a Hub from the console without being members (read
   * only). `search` keeps the members whose name or email contains it, in any case (trigram indexes).
   */
  async list(request: ListMembersRequest): Promise<Page<MembershipView>> {
    const { actor, hubId, userType } = request;
    const { limit, offset } = pageWindow(request);
    const search = request.search?.trim();
    let visibleTypes: string[] | null = userType ? [userType] : null;
    if (actor && !(await this.access.overseesHub(actor, hubId))) {
      const { membership } = await this.access.requireHubAction(actor, hubId, 'members.view');
      if (membership.userType === 'EXTERNAL_MEMBER') {
        visibleTypes = userType === 'EXTERNAL_MEMBER' ? [] : ['TEAM_MEMBER'];
      }
    } else if (!actor && !(await this.dataSource.manager.exists(HubEntity, { where: { id: hubId } }))) {
      throw new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');
    }
    const query = this.dataSource.manager
      .createQueryBuilder(MembershipEntity, 'm')
      .where('m.hub_id = :hubId', { hubId })
      .orderBy('lower(m.display_name)')
      .addOrderBy('m.account_id')
      .take(limit)
      .skip(offset);
    if (visibleTypes) query.andWhere('m.user_type = ANY(:visibleTypes)', { visibleTypes });
    if (search) {
      query.andWhere('(m.display_name ILIKE :pattern OR m.email ILIKE :pattern)', { pattern: containsPattern(search) });
    }
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map(toMembershipView), total, limit, offset };
  }

  /**
   * Set-based and idempotent: one INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING for the batch.
   * Members already in the Hub keep their user type and flags; only new ones are announced and audited.
   */
  async addBulk(request: AddMembersBulkRequest): Promise<AddMembersBulkResult> {
    const unique = [...new Map(request.members.map((m) => [m.accountId, m])).values()];
    return this.dataSource.transaction(async (manager) => {
      const hub = await manager.findOne(HubEntity, { where: { id: request.hubId } });
      if (!hub) throw new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');
      const inserted: { account_id: string; email: string; display_name: string }[] = await manager.query(
        `INSERT INTO hub.memberships (hub_id, account_id, email, display_name, user_type)
         SELECT $1, account_id, email, display_name, $5
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(account_id, email, display_name)
         ON CONFLICT (hub_id, account_id) DO NOTHING
         RETURNING account_id, email, display_name`,
        [
          hub.id,
          unique.map((m) => m.accountId),
          unique.map((m) => m.email),
          unique.map((m) => m.displayName),
          request.userType,
        ],
      );
      const added = new Set(inserted.map((row) => row.account_id));
      if (inserted.length > 0) {
        const payload: MembersAddedPayload = {
          hubId: hub.id,
          tenancyId: hub.tenancyId,
          hubName: hub.name,
          userType: request.userType,
          addedBy: request.addedBy ?? null,
          members: inserted.map((row) => ({
            accountId: row.account_id,
            email: row.email,
            displayName: row.display_name,
          })),
          // The notice, if asked for, is recorded with the decision that added them (same transaction).
          ...(request.notice
            ? { notice: { addedByName: request.notice.addedByName, signInUrl: request.notice.signInUrl } }
            : {}),
        };
        await this.outbox.add(manager, { name: HUB_EVENTS.MEMBERS_ADDED, payload });
        await this.audit.append(
          manager,
          inserted.map((row) => ({
            tenancyId: hub.tenancyId,
            hubId: hub.id,
            actorAccountId: request.addedBy ?? null,
            action: 'member.added',
            subject: row.email,
            details: { userType: request.userType },
          })),
        );
      }
      return {
        added: [...added],
        alreadyMember: unique.map((m) => m.accountId).filter((id) => !added.has(id)),
      };
    });
  }

  /** Which of these accounts are members: one indexed query for up to 5,000 ids. */
  async findMany({ hubId, accountIds }: FindMembersRequest): Promise<{ accountIds: string[] }> {
    const rows: { account_id: string }[] = await this.dataSource.query(
      'SELECT account_id FROM hub.memberships WHERE hub_id = $1 AND account_id = ANY($2::uuid[])',
      [hubId, accountIds],
    );
    return { accountIds: rows.map((row) => row.account_id) };
  }

  async update(request: UpdateMemberRequest): Promise<MembershipView> {
    const { actor, hubId, accountId } = request;
    return this.dataSource.transaction(async (manager) => {
      // Lock first, then check: a Hub admin demoted by a concurrent change is refused, not let through.
      await this.access.lockHub(manager, hubId);
      const { hub } = await this.access.requireHubAction(actor, hubId, 'members.manage', { manager });
      const target = await this.findMember(manager, hubId, accountId);
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
      if (target.isHubAdmin && !isHubAdmin) await this.ensureAnotherAdmin(manager, hubId, accountId);
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

  async remove({ actor, hubId, accountId }: RemoveMemberRequest): Promise<{ removed: true }> {
    return this.dataSource.transaction(async (manager) => {
      // Lock first, then check: a Hub admin demoted by a concurrent change is refused, not let through.
      await this.access.lockHub(manager, hubId);
      const { hub } = await this.access.requireHubAction(actor, hubId, 'members.manage', { manager });
      const target = await this.findMember(manager, hubId, accountId);
      if (target.isHubAdmin) await this.ensureAnotherAdmin(manager, hubId, accountId);
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

  private async findMember(manager: EntityManager, hubId: string, accountId: string): Promise<MembershipEntity> {
    const member = await manager.findOne(MembershipEntity, { where: { hubId, accountId } });
    if (!member) throw new DomainError(ERROR_CODES.MEMBER_NOT_FOUND, 'That account is not a member of this Hub.');
    return member;
  }

  /** A Hub never loses its last admin (the Hub row is locked by the caller, so this cannot race). */
  private async ensureAnotherAdmin(manager: EntityManager, hubId: string, leavingAccountId: string): Promise<void> {
    const others: unknown[] = await manager.query(
      'SELECT 1 FROM hub.memberships WHERE hub_id = $1 AND is_hub_admin AND account_id <> $2 LIMIT 1',
      [hubId, leavingAccountId],
    );
    if (others.length === 0) {
      throw new DomainError(
        ERROR_CODES.MEMBER_LAST_ADMIN,
        'This is the last Hub admin. Make another Team Member a Hub admin first.',
      );
    }
  }
}

/** A LIKE pattern matching text that contains `text` literally (its %, _ and \ escaped). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
