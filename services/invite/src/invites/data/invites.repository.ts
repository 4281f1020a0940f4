import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';
import { returning } from '../../database/returning';
import { InviteRow, inviteColumns } from '../domain/invite-row';
import { INVITE_SCHEMA } from '../../invite.config';

/** What every invite of one batch shares: one Hub, one inviter, one user type, one expiry policy. */
export interface InviteBatchCommon {
  hubId: string;
  tenancyId: string;
  hubName: string;
  inviterAccountId: string;
  inviterName: string;
  userType: UserType;
  expiryDays: number;
}

export interface NewPendingInvite {
  id: string;
  email: string;
  tokenHash: string;
}

/** The registered account an address belongs to, as the accept paths need it. */
export interface InviteeAccount {
  accountId: string;
  email: string;
  displayName: string;
}

const COLUMNS = inviteColumns();

const I_COLUMNS = inviteColumns('i');

/** A new invite's expiry: `days` (a parameter) from the transaction's start. */
const EXPIRES_AT = (days: string) => `now() + make_interval(days => ${days})`;

/**
 * Every SQL statement on invite.invites. Set-based throughout (unnest, ANY): a batch of a thousand
 * addresses is one statement, not a thousand. Each method runs on the caller's transaction.
 */
@Injectable()
export class InvitesRepository {
  /** Marks pending-but-lapsed invites of these addresses expired, so a fresh invite can take their place. */
  async expireLapsedFor(manager: EntityManager, hubId: string, emails: string[]): Promise<InviteRow[]> {
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites SET status = 'expired'
       WHERE hub_id = $1 AND email = ANY($2::text[]) AND status = 'pending' AND expires_at <= now()
       RETURNING ${COLUMNS}`,
      [hubId, emails],
    );
  }

  /**
   * Inserts pending invites; an address that already has one in this Hub is skipped (the partial unique
   * index decides, so a concurrent insert for the same address waits for the other and then skips).
   * Inside a transaction (its rows' times are the transaction's start).
   */
  async insertPending(
    manager: EntityManager,
    common: InviteBatchCommon,
    invites: NewPendingInvite[],
  ): Promise<InviteRow[]> {
    // Only the ids of the rows inserted come back. The rest of each row is the batch's, and its times are
    // the transaction's (now() and the expiry are the same for every row): asked once, not parsed per row.
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO ${INVITE_SCHEMA}.invites
         (id, hub_id, tenancy_id, hub_name, inviter_account_id, inviter_name, email, user_type, token_hash, expires_at)
       SELECT t.id, $4, $5, $6, $7, $8, t.email, $9, t.token_hash, ${EXPIRES_AT('$10')}
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, token_hash)
       ON CONFLICT (hub_id, email) WHERE status = 'pending' DO NOTHING
       RETURNING id`,
      [
        invites.map((i) => i.id),
        invites.map((i) => i.email),
        invites.map((i) => i.tokenHash),
        common.hubId,
        common.tenancyId,
        common.hubName,
        common.inviterAccountId,
        common.inviterName,
        common.userType,
        common.expiryDays,
      ],
    );
    if (inserted.length === 0) return [];
    const [times]: Pick<InviteRow, 'created_at' | 'expires_at' | 'lapsed'>[] = await manager.query(
      `SELECT now() AS created_at, ${EXPIRES_AT('$1')} AS expires_at, ${EXPIRES_AT('$1')} <= now() AS lapsed`,
      [common.expiryDays],
    );
    const emailOf = new Map(invites.map((i) => [i.id, i.email]));
    return inserted.map(({ id }) => ({
      id,
      email: emailOf.get(id)!,
      created_at: times.created_at,
      expires_at: times.expires_at,
      lapsed: times.lapsed,
      hub_id: common.hubId,
      tenancy_id: common.tenancyId,
      hub_name: common.hubName,
      inviter_account_id: common.inviterAccountId,
      inviter_name: common.inviterName,
      user_type: common.userType,
      status: 'pending',
      last_sent_at: times.created_at, // both default to now(): the transaction's start
      send_count: 1,
      accepted_at: null,
      accepted_account_id: null,
      revoked_at: null,
    }));
  }

  async findPendingFor(manager: EntityManager, hubId: string, emails: string[]): Promise<InviteRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM ${INVITE_SCHEMA}.invites WHERE hub_id = $1 AND email = ANY($2::text[]) AND status = 'pending'`,
      [hubId, emails],
    );
  }

  /** A new token and a new expiry for pending invites (a resend): the old link stops working at once. */
  async rotateTokens(
    manager: EntityManager,
    rotations: { id: string; tokenHash: string }[],
    expiryDays: number,
  ): Promise<InviteRow[]> {
    if (rotations.length === 0) return [];
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites i
       SET token_hash = t.token_hash, expires_at = now() + make_interval(days => $3),
           last_sent_at = now(), send_count = i.send_count + 1
       FROM unnest($1::uuid[], $2::text[]) AS t(id, token_hash)
       WHERE i.id = t.id AND i.status = 'pending'
       RETURNING ${I_COLUMNS}`,
      [rotations.map((r) => r.id), rotations.map((r) => r.tokenHash), expiryDays],
    );
  }

  /**
   * A new token for live pending invites whose email failed (a delivery retry): the expiry and the send
   * record stay as they are (the same email is sent again, not a new one). Returns the rows it changed.
   */
  async replaceTokens(manager: EntityManager, rotations: { id: string; tokenHash: string }[]): Promise<InviteRow[]> {
    if (rotations.length === 0) return [];
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites i SET token_hash = t.token_hash
       FROM unnest($1::uuid[], $2::text[]) AS t(id, token_hash)
       WHERE i.id = t.id AND i.status = 'pending' AND i.expires_at > now()
       RETURNING ${I_COLUMNS}`,
      [rotations.map((r) => r.id), rotations.map((r) => r.tokenHash)],
    );
  }

  /** Invites of a tenancy by id, locked for the rest of the caller's transaction. */
  async findInTenancy(manager: EntityManager, tenancyId: string, ids: string[]): Promise<InviteRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM ${INVITE_SCHEMA}.invites WHERE id = ANY($1::uuid[]) AND tenancy_id = $2 ORDER BY id FOR UPDATE`,
      [ids, tenancyId],
    );
  }

  async findInHub(
    manager: EntityManager,
    hubId: string,
    inviteId: string,
    options: { lock?: boolean } = {},
  ): Promise<InviteRow | null> {
    const rows: InviteRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${INVITE_SCHEMA}.invites WHERE id = $1 AND hub_id = $2 ${options.lock ? 'FOR UPDATE' : ''}`,
      [inviteId, hubId],
    );
    return rows[0] ?? null;
  }

  async findByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    options: { lock?: boolean } = {},
  ): Promise<InviteRow | null> {
    const rows: InviteRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${INVITE_SCHEMA}.invites WHERE token_hash = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Live (pending, not lapsed) invites of a Hub, newest first; `inviterAccountId` narrows to one inviter's. */
  async listLive(
    manager: EntityManager,
    hubId: string,
    inviterAccountId: string | null,
    limit: number,
    offset: number,
  ): Promise<{ rows: InviteRow[]; total: number }> {
    const where = `hub_id = $1 AND status = 'pending' AND expires_at > now() AND ($2::uuid IS NULL OR inviter_account_id = $2)`;
    const rows: InviteRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${INVITE_SCHEMA}.invites WHERE ${where} ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [hubId, inviterAccountId, limit, offset],
    );
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT count(*) FROM ${INVITE_SCHEMA}.invites WHERE ${where}`,
      [hubId, inviterAccountId],
    );
    return { rows, total: Number(count) };
  }

  async markExpired(manager: EntityManager, ids: string[]): Promise<InviteRow[]> {
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites SET status = 'expired' WHERE id = ANY($1::uuid[]) AND status = 'pending'
       RETURNING ${COLUMNS}`,
      [ids],
    );
  }

  async markRevoked(
    manager: EntityManager,
    ids: string[],
    revokedBy: string | null,
    reason: string,
  ): Promise<InviteRow[]> {
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites SET status = 'revoked', revoked_at = now(), revoked_by = $2, revoke_reason = $3
       WHERE id = ANY($1::uuid[]) AND status = 'pending'
       RETURNING ${COLUMNS}`,
      [ids, revokedBy, reason],
    );
  }

  /** Revokes every live invite one inviter sent in one Hub (they lost the right to invite, or left). */
  async revokePendingOfInviter(
    manager: EntityManager,
    hubId: string,
    inviterAccountId: string,
    revokedBy: string | null,
    reason: string,
  ): Promise<InviteRow[]> {
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites SET status = 'revoked', revoked_at = now(), revoked_by = $3, revoke_reason = $4
       WHERE hub_id = $1 AND inviter_account_id = $2 AND status = 'pending' AND expires_at > now()
       RETURNING ${COLUMNS}`,
      [hubId, inviterAccountId, revokedBy, reason],
    );
  }

  /** The expiry sweep: marks up to `limit` lapsed invites expired; replicas skip each other's rows. */
  async expireDue(manager: EntityManager, limit: number): Promise<InviteRow[]> {
    return returning<InviteRow>(
      manager,
      `WITH due AS (
         SELECT id FROM ${INVITE_SCHEMA}.invites WHERE status = 'pending' AND expires_at <= now()
         ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       UPDATE ${INVITE_SCHEMA}.invites i SET status = 'expired' FROM due WHERE i.id = due.id
       RETURNING ${I_COLUMNS}`,
      [limit],
    );
  }

  /**
   * Accepts every live pending invite of these addresses, in every Hub, for the account each now has.
   * Lapsed ones stay for the expiry sweep.
   */
  async acceptPendingOf(manager: EntityManager, accounts: InviteeAccount[]): Promise<InviteRow[]> {
    if (accounts.length === 0) return [];
    return returning<InviteRow>(
      manager,
      `UPDATE ${INVITE_SCHEMA}.invites i
       SET status = 'accepted', accepted_at = now(), accepted_account_id = t.account_id
       FROM unnest($1::text[], $2::uuid[]) AS t(email, account_id)
       WHERE i.email = t.email AND i.status = 'pending' AND i.expires_at > now()
       RETURNING ${I_COLUMNS}`,
      [accounts.map((a) => a.email), accounts.map((a) => a.accountId)],
    );
  }

  /** Registered accounts that still have live pending invites (an account that appeared by another route). */
  async registeredInvitees(manager: EntityManager, limit: number): Promise<InviteeAccount[]> {
    const rows: { id: string; email: string; display_name: string }[] = await manager.query(
      `SELECT DISTINCT a.id, a.email, a.display_name
       FROM ${INVITE_SCHEMA}.invites i JOIN ${INVITE_SCHEMA}.accounts a ON a.email = i.email AND a.email_verified_at IS NOT NULL
       WHERE i.status = 'pending' AND i.expires_at > now()
       LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ accountId: row.id, email: row.email, displayName: row.display_name }));
  }
}
