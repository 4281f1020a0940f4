import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AddMembersBulkRequest,
  AddMembersBulkResult,
  DomainError,
  ERROR_CODES,
  HUB_EVENTS,
  MembersAddedPayload,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { AuditWriter } from '../audit/audit-writer';
import { HubEntity } from '../hubs/hub.entity';
import { HUB_SCHEMA } from '../hub.config';

@Injectable()
export class AddMembersBulk {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Set-based and idempotent: one INSERT … SELECT FROM unnest … ON CONFLICT DO NOTHING for the batch.
   * Members already in the Hub keep their user type and flags; only new ones are announced and audited.
   * With a `requestKey`, members that key added before are answered as added again (see addedEarlierBy).
   */
  async execute(request: AddMembersBulkRequest): Promise<AddMembersBulkResult> {
    const unique = [...new Map(request.members.map((m) => [m.accountId, m])).values()];
    return this.dataSource.transaction(async (manager) => {
      const hub = await manager.findOne(HubEntity, { where: { id: request.hubId } });
      if (!hub) throw new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');
      const accountIds = unique.map((m) => m.accountId);
      const inserted: { account_id: string; email: string; display_name: string }[] = await manager.query(
        `INSERT INTO ${HUB_SCHEMA}.memberships (hub_id, account_id, email, display_name, user_type, added_by_request)
         SELECT $1, account_id, email, display_name, $5, $6
         FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(account_id, email, display_name)
         ON CONFLICT (hub_id, account_id) DO NOTHING
         RETURNING account_id, email, display_name`,
        [
          hub.id,
          accountIds,
          unique.map((m) => m.email),
          unique.map((m) => m.displayName),
          request.userType,
          request.requestKey ?? null,
        ],
      );
      const added = new Set(inserted.map((row) => row.account_id));
      const addedBefore = await this.addedEarlierBy(manager, hub.id, request.requestKey, accountIds, added);
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
        added: [...added, ...addedBefore],
        alreadyMember: accountIds.filter((id) => !added.has(id) && !addedBefore.has(id)),
      };
    });
  }

  /**
   * Of the members that were there already, those this same work (`requestKey`) added in an earlier run of
   * the request: its answer was lost (the hub died before replying, or the broker delivered the request
   * again and the second run answers the first caller), and they were added by it all the same.
   */
  private async addedEarlierBy(
    manager: EntityManager,
    hubId: string,
    requestKey: string | undefined,
    accountIds: string[],
    insertedNow: Set<string>,
  ): Promise<Set<string>> {
    const existing = accountIds.filter((id) => !insertedNow.has(id));
    if (!requestKey || existing.length === 0) return new Set();
    const rows: { account_id: string }[] = await manager.query(
      `SELECT account_id FROM ${HUB_SCHEMA}.memberships
       WHERE hub_id = $1 AND account_id = ANY($2::uuid[]) AND added_by_request = $3`,
      [hubId, existing, requestKey],
    );
    return new Set(rows.map((row) => row.account_id));
  }
}
