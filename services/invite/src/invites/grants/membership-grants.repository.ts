import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';

/** A membership an accepted invite entitles an account to, until the hub service has confirmed it. */
export interface MembershipGrant {
  inviteId: string;
  hubId: string;
  accountId: string;
  email: string;
  displayName: string;
  userType: UserType;
  addedBy: string | null;
}

interface GrantRow {
  invite_id: string;
  hub_id: string;
  account_id: string;
  email: string;
  display_name: string;
  user_type: UserType;
  added_by: string | null;
  attempts: number;
}

const toGrant = (row: GrantRow): MembershipGrant & { attempts: number } => ({
  inviteId: row.invite_id,
  hubId: row.hub_id,
  accountId: row.account_id,
  email: row.email,
  displayName: row.display_name,
  userType: row.user_type,
  addedBy: row.added_by,
  attempts: row.attempts,
});

export type ClaimedGrant = ReturnType<typeof toGrant>;

/**
 * invite.membership_grants: written in the transaction that accepts invites, worked off by the
 * MembershipGrantWorker until hub.member.add-bulk (idempotent) has confirmed every one.
 */
@Injectable()
export class MembershipGrantsRepository {
  async add(manager: EntityManager, grants: MembershipGrant[]): Promise<void> {
    if (grants.length === 0) return;
    await manager.query(
      `INSERT INTO invite.membership_grants (invite_id, hub_id, account_id, email, display_name, user_type, added_by)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[])
       ON CONFLICT (invite_id) DO NOTHING`,
      [
        grants.map((g) => g.inviteId),
        grants.map((g) => g.hubId),
        grants.map((g) => g.accountId),
        grants.map((g) => g.email),
        grants.map((g) => g.displayName),
        grants.map((g) => g.userType),
        grants.map((g) => g.addedBy),
      ],
    );
  }

  /**
   * Locks pending grants for the caller's transaction: the given ones (waiting for a worker that holds
   * them, then re-reading), or else those due, skipping rows another replica is working on.
   */
  async claim(manager: EntityManager, options: { inviteIds?: string[]; limit: number }): Promise<ClaimedGrant[]> {
    const rows: GrantRow[] = options.inviteIds
      ? await manager.query(
          `SELECT * FROM invite.membership_grants WHERE invite_id = ANY($1::uuid[]) AND status = 'pending'
           ORDER BY created_at, invite_id LIMIT $2 FOR UPDATE`,
          [options.inviteIds, options.limit],
        )
      : await manager.query(
          `SELECT * FROM invite.membership_grants WHERE status = 'pending' AND next_attempt_at <= now()
           ORDER BY next_attempt_at, invite_id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [options.limit],
        );
    return rows.map(toGrant);
  }

  async markDone(manager: EntityManager, inviteIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants SET status = 'done', done_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE invite_id = ANY($1::uuid[])`,
      [inviteIds],
    );
  }

  async markFailed(manager: EntityManager, inviteIds: string[], error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants SET status = 'failed', attempts = attempts + 1, last_error = $2
       WHERE invite_id = ANY($1::uuid[])`,
      [inviteIds, error],
    );
  }

  async scheduleRetry(manager: EntityManager, inviteIds: string[], delayMs: number, error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants
       SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE invite_id = ANY($1::uuid[])`,
      [inviteIds, delayMs, error],
    );
  }

  async statusOf(manager: EntityManager, inviteIds: string[]): Promise<Map<string, string>> {
    if (inviteIds.length === 0) return new Map();
    const rows: { invite_id: string; status: string }[] = await manager.query(
      'SELECT invite_id, status FROM invite.membership_grants WHERE invite_id = ANY($1::uuid[])',
      [inviteIds],
    );
    return new Map(rows.map((row) => [row.invite_id, row.status]));
  }
}
