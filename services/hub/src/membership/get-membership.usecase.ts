import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GetMembershipRequest, MembershipView } from '@gatehouse/contracts';
import { PreparedStatement } from '@gatehouse/database';
import { DataSource } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';
import { MembershipViewColumns, toMembershipView } from '../views';

/**
 * The look-up other services make before acting on a Hub (the hottest RPC): a prepared statement instead
 * of TypeORM's findOne, whose query building cost more CPU than the query itself (docs/performance.md).
 */
const MEMBERSHIP_BY_KEY = new PreparedStatement<MembershipViewColumns>(
  'hub.membership-by-key',
  `SELECT hub_id AS "hubId", account_id AS "accountId", email, display_name AS "displayName",
     user_type AS "userType", is_hub_admin AS "isHubAdmin", can_invite AS "canInvite", joined_at AS "joinedAt"
   FROM ${HUB_SCHEMA}.memberships WHERE hub_id = $1 AND account_id = $2`,
);

/** One account's membership of a Hub, or null (RPC membership.get). */
@Injectable()
export class GetMembership {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ hubId, accountId }: GetMembershipRequest): Promise<MembershipView | null> {
    const [membership] = await MEMBERSHIP_BY_KEY.rows(this.dataSource, [hubId, accountId]);
    return membership ? toMembershipView(membership) : null;
  }
}
