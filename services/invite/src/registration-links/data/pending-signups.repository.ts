import { Injectable } from '@nestjs/common';
import { UserType } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { returning } from '../../database/returning';

/** One row of invite.pending_signups, with what the confirm page needs from its link. */
export interface PendingSignupRow {
  id: string;
  link_id: string;
  link_token_hash: string;
  hub_id: string;
  email: string;
  display_name: string;
  /** null once confirmed. */
  password_hash: string | null;
  expires_at: Date;
  confirmed_at: Date | null;
  /** Past its expiry by the database clock. */
  lapsed: boolean;
  hub_name: string;
  user_type: UserType;
}

export interface NewPendingSignup {
  linkId: string;
  linkTokenHash: string;
  hubId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  tokenHash: string;
  ttlHours: number;
}

const COLUMNS = `s.id, s.link_id, s.link_token_hash, s.hub_id, s.email, s.display_name, s.password_hash, s.expires_at,
  s.confirmed_at, (s.expires_at <= clock_timestamp()) AS lapsed, l.hub_name, l.user_type`;

/**
 * invite.pending_signups: sign-ups through a registration link whose address has not been confirmed.
 * Nothing here can sign in, join a Hub or pick up invites; confirming turns one into an account.
 */
@Injectable()
export class PendingSignupsRepository {
  /**
   * Records the sign-up, or refreshes the open one of this link and address (new name, password hash,
   * token and expiry): the older email's link stops working, the newest one is the one to use.
   */
  async upsert(manager: EntityManager, signup: NewPendingSignup): Promise<{ id: string; expires_at: Date }> {
    const rows = await returning<{ id: string; expires_at: Date }>(
      manager,
      `INSERT INTO invite.pending_signups
         (id, link_id, link_token_hash, hub_id, email, display_name, password_hash, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now() + make_interval(hours => $9))
       ON CONFLICT (link_id, email) WHERE confirmed_at IS NULL DO UPDATE SET
         link_token_hash = EXCLUDED.link_token_hash,
         hub_id = EXCLUDED.hub_id,
         display_name = EXCLUDED.display_name,
         password_hash = EXCLUDED.password_hash,
         token_hash = EXCLUDED.token_hash,
         created_at = now(),
         expires_at = EXCLUDED.expires_at
       RETURNING id, expires_at`,
      [
        randomUUID(),
        signup.linkId,
        signup.linkTokenHash,
        signup.hubId,
        signup.email,
        signup.displayName,
        signup.passwordHash,
        signup.tokenHash,
        signup.ttlHours,
      ],
    );
    return rows[0];
  }

  /** The sign-up a confirm token names (locked for the confirmation when asked), or null. */
  async findByTokenHash(
    manager: EntityManager,
    tokenHash: string,
    options: { lock?: boolean } = {},
  ): Promise<PendingSignupRow | null> {
    const rows: PendingSignupRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM invite.pending_signups s JOIN invite.registration_links l ON l.id = s.link_id
       WHERE s.token_hash = $1${options.lock ? ' FOR UPDATE OF s' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Confirmed: the account exists now; the password hash is the account's business, not ours. */
  async markConfirmed(manager: EntityManager, id: string, accountId: string): Promise<void> {
    await manager.query(
      `UPDATE invite.pending_signups SET confirmed_at = now(), account_id = $2, password_hash = NULL WHERE id = $1`,
      [id, accountId],
    );
  }

  /**
   * Deletes open sign-ups that expired more than `keepHours` ago (with their password hashes); until
   * then their link still answers "expired" instead of "not valid". Returns how many went.
   */
  async pruneExpired(manager: EntityManager, keepHours: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      manager,
      `DELETE FROM invite.pending_signups
       WHERE confirmed_at IS NULL AND expires_at < now() - make_interval(hours => $1)
       RETURNING id`,
      [keepHours],
    );
    return rows.length;
  }
}
