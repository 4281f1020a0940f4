import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';
import { GRANT_CLAIM_LEASE_SECONDS, GRANT_INLINE_LEASE_SECONDS } from '../registration-links.constants';
import { returning } from '../../database/returning';

/** One account that joined through a link, and the membership it is owed. */
export interface RegistrationLinkUse {
  accountId: string;
  linkId: string;
  hubId: string;
  email: string;
  displayName: string;
  userType: UserType;
}

interface UseRow {
  account_id: string;
  link_id: string;
  hub_id: string;
  email: string;
  display_name: string;
  user_type: UserType;
  attempts: number;
}

export type ClaimedUse = RegistrationLinkUse & { attempts: number };

const toUse = (row: UseRow): ClaimedUse => ({
  accountId: row.account_id,
  linkId: row.link_id,
  hubId: row.hub_id,
  email: row.email,
  displayName: row.display_name,
  userType: row.user_type,
  attempts: row.attempts,
});

/**
 * invite.registration_link_uses: written in the sign-up's transaction (the membership to grant), worked
 * off by the join itself right after commit and, for whatever that did not settle, by the retry worker
 * until hub.member.add-bulk (idempotent) has confirmed it.
 */
@Injectable()
export class RegistrationLinkUsesRepository {
  async add(manager: EntityManager, use: RegistrationLinkUse): Promise<void> {
    await manager.query(
      `INSERT INTO invite.registration_link_uses
         (account_id, link_id, hub_id, email, display_name, user_type, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [use.accountId, use.linkId, use.hubId, use.email, use.displayName, use.userType, GRANT_INLINE_LEASE_SECONDS],
    );
  }

  /**
   * Claims up to `limit` due uses for a while (GRANT_CLAIM_LEASE_SECONDS), skipping rows another
   * replica is claiming; one statement, so no transaction stays open during the hub calls.
   */
  async claimDue(manager: EntityManager, limit: number): Promise<ClaimedUse[]> {
    const rows = await returning<UseRow>(
      manager,
      `UPDATE invite.registration_link_uses u SET next_attempt_at = now() + make_interval(secs => $2)
       FROM (
         SELECT account_id FROM invite.registration_link_uses
         WHERE grant_status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, account_id LIMIT $1 FOR UPDATE SKIP LOCKED
       ) due
       WHERE u.account_id = due.account_id
       RETURNING u.account_id, u.link_id, u.hub_id, u.email, u.display_name, u.user_type, u.attempts`,
      [limit, GRANT_CLAIM_LEASE_SECONDS],
    );
    return rows.map(toUse);
  }

  async markGranted(manager: EntityManager, accountIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE invite.registration_link_uses
       SET grant_status = 'granted', granted_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE account_id = ANY($1::uuid[]) AND grant_status = 'pending'`,
      [accountIds],
    );
  }

  async markFailed(manager: EntityManager, accountIds: string[], error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.registration_link_uses SET grant_status = 'failed', attempts = attempts + 1, last_error = $2
       WHERE account_id = ANY($1::uuid[]) AND grant_status = 'pending'`,
      [accountIds, error],
    );
  }

  async scheduleRetry(manager: EntityManager, accountIds: string[], delayMs: number, error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.registration_link_uses
       SET attempts = attempts + 1, last_error = $3,
           next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE account_id = ANY($1::uuid[]) AND grant_status = 'pending'`,
      [accountIds, delayMs, error],
    );
  }
}
