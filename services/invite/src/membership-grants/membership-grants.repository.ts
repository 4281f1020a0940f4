import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';
import { returning } from '../database/returning';
import { selectList } from '../database/select-list';
import { GRANT_CLAIM_LEASE_SECONDS, GRANT_INLINE_LEASE_SECONDS } from './membership-grants.constants';

/** What entitles the account to the membership: an accepted invite, or a join through a registration link. */
export type GrantSource = 'invite' | 'registration_link';

/** "This account should become a member of this Hub", until the hub service has confirmed it. */
export interface MembershipGrant {
  /** Chosen by the caller, which asks for the grant by it right after its transaction commits. */
  id: string;
  source: GrantSource;
  /** The accepted invite, or the registration link joined through. */
  sourceId: string;
  hubId: string;
  accountId: string;
  email: string;
  displayName: string;
  userType: UserType;
  /** Who added the member, for the hub's record: the inviter; nobody for a link. */
  addedBy: string | null;
}

export type PendingGrant = MembershipGrant & { attempts: number };

interface GrantRow {
  id: string;
  source: GrantSource;
  source_id: string;
  hub_id: string;
  account_id: string;
  email: string;
  display_name: string;
  user_type: UserType;
  added_by: string | null;
  attempts: number;
}

const GRANT_COLUMNS = [
  'id',
  'source',
  'source_id',
  'hub_id',
  'account_id',
  'email',
  'display_name',
  'user_type',
  'added_by',
  'attempts',
];
const COLUMNS = selectList(GRANT_COLUMNS, undefined);
const G_COLUMNS = selectList(GRANT_COLUMNS, 'g');

const toGrant = (row: GrantRow): PendingGrant => ({
  id: row.id,
  source: row.source,
  sourceId: row.source_id,
  hubId: row.hub_id,
  accountId: row.account_id,
  email: row.email,
  displayName: row.display_name,
  userType: row.user_type,
  addedBy: row.added_by,
  attempts: row.attempts,
});

/**
 * invite.membership_grants: written in the transaction that accepts invites or confirms a sign-up through
 * a link, worked off by the MembershipGrantWorker until hub.member.add-bulk (idempotent) has confirmed
 * every one (`done`) or refused it for good (`failed`).
 */
@Injectable()
export class MembershipGrantsRepository {
  /**
   * Records grants, left alone by the retry loop for GRANT_INLINE_LEASE_SECONDS (the caller asks for
   * them itself after its commit). A grant already recorded for the same source and account is kept.
   */
  async add(manager: EntityManager, grants: MembershipGrant[]): Promise<void> {
    if (grants.length === 0) return;
    await manager.query(
      `INSERT INTO invite.membership_grants
         (id, source, source_id, hub_id, account_id, email, display_name, user_type, added_by, next_attempt_at)
       SELECT t.*, now() + make_interval(secs => $10)
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::uuid[]) AS t
       ON CONFLICT (source, source_id, account_id) DO NOTHING`,
      [
        grants.map((g) => g.id),
        grants.map((g) => g.source),
        grants.map((g) => g.sourceId),
        grants.map((g) => g.hubId),
        grants.map((g) => g.accountId),
        grants.map((g) => g.email),
        grants.map((g) => g.displayName),
        grants.map((g) => g.userType),
        grants.map((g) => g.addedBy),
        GRANT_INLINE_LEASE_SECONDS,
      ],
    );
  }

  /** These grants, if still pending (the inline call after a commit; no claim: the lease keeps the loop away). */
  async pending(manager: EntityManager, ids: string[]): Promise<PendingGrant[]> {
    if (ids.length === 0) return [];
    const rows: GrantRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM invite.membership_grants WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
    return rows.map(toGrant);
  }

  /**
   * Claims up to `limit` due grants for a while (GRANT_CLAIM_LEASE_SECONDS), skipping rows another
   * replica is claiming; one statement, so no transaction stays open during the hub calls.
   */
  async claimDue(manager: EntityManager, limit: number): Promise<PendingGrant[]> {
    const rows = await returning<GrantRow>(
      manager,
      `UPDATE invite.membership_grants g SET next_attempt_at = now() + make_interval(secs => $2)
       FROM (
         SELECT id FROM invite.membership_grants
         WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
       ) due
       WHERE g.id = due.id
       RETURNING ${G_COLUMNS}`,
      [limit, GRANT_CLAIM_LEASE_SECONDS],
    );
    return rows.map(toGrant);
  }

  async markDone(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants SET status = 'done', done_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
  }

  async markFailed(manager: EntityManager, ids: string[], error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants SET status = 'failed', attempts = attempts + 1, last_error = $2
       WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids, error],
    );
  }

  async scheduleRetry(manager: EntityManager, ids: string[], delayMs: number, error: string): Promise<void> {
    await manager.query(
      `UPDATE invite.membership_grants
       SET attempts = attempts + 1, last_error = $3,
           next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids, delayMs, error],
    );
  }

  async statusOf(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; status: string }[] = await manager.query(
      'SELECT id, status FROM invite.membership_grants WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  }
}
