import { DomainError, ERROR_CODES } from '@gatehouse/contracts';
import { EntityManager } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';
import { MembershipEntity } from './membership.entity';

/* The checks the member update and removal both run inside their transaction. */

export async function requireMember(
  manager: EntityManager,
  hubId: string,
  accountId: string,
): Promise<MembershipEntity> {
  const member = await manager.findOne(MembershipEntity, { where: { hubId, accountId } });
  if (!member) throw new DomainError(ERROR_CODES.MEMBER_NOT_FOUND, 'That account is not a member of this Hub.');
  return member;
}

/** A Hub never loses its last admin (the Hub row is locked by the caller, so this cannot race). */
export async function ensureAnotherAdmin(
  manager: EntityManager,
  hubId: string,
  leavingAccountId: string,
): Promise<void> {
  const others: unknown[] = await manager.query(
    `SELECT 1 FROM ${HUB_SCHEMA}.memberships WHERE hub_id = $1 AND is_hub_admin AND account_id <> $2 LIMIT 1`,
    [hubId, leavingAccountId],
  );
  if (others.length === 0) {
    throw new DomainError(
      ERROR_CODES.MEMBER_LAST_ADMIN,
      'This is the last Hub admin. Make another Team Member a Hub admin first.',
    );
  }
}
