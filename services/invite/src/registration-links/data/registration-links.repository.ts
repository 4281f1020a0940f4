import { Injectable } from '@nestjs/common';
import { RegistrationLinkSettings } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RegistrationLinkRow, registrationLinkColumns } from '../domain/registration-link-row';
import { returning } from '../../database/returning';

const COLUMNS = registrationLinkColumns();

/** Every SQL statement on invite.registration_links and its retired tokens; each runs on the caller's transaction. */
@Injectable()
export class RegistrationLinksRepository {
  async findByHub(manager: EntityManager, hubId: string): Promise<RegistrationLinkRow | null> {
    const rows: RegistrationLinkRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM invite.registration_links WHERE hub_id = $1`,
      [hubId],
    );
    return rows[0] ?? null;
  }

  async findByTokenHash(manager: EntityManager, tokenHash: string): Promise<RegistrationLinkRow | null> {
    const rows: RegistrationLinkRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM invite.registration_links WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async isRetiredToken(manager: EntityManager, tokenHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'SELECT 1 FROM invite.registration_link_retired_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    return rows.length > 0;
  }

  /** Locks the link row until the caller's transaction ends: sign-ups and changes of one link queue here. */
  async lock(manager: EntityManager, linkId: string): Promise<RegistrationLinkRow | null> {
    const rows: RegistrationLinkRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM invite.registration_links WHERE id = $1 FOR UPDATE`,
      [linkId],
    );
    return rows[0] ?? null;
  }

  /**
   * The Hub's link, created (disabled, with the defaults) if it has none yet, and locked. The Hub's name
   * and tenancy are refreshed from the hub's answer on every change an admin makes.
   */
  async ensureLocked(
    manager: EntityManager,
    hub: { id: string; name: string; tenancyId: string },
    actorAccountId: string,
  ): Promise<RegistrationLinkRow> {
    await manager.query(
      `INSERT INTO invite.registration_links (id, hub_id, tenancy_id, hub_name, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (hub_id) DO NOTHING`,
      [randomUUID(), hub.id, hub.tenancyId, hub.name, actorAccountId],
    );
    const rows = await returning<RegistrationLinkRow>(
      manager,
      `UPDATE invite.registration_links SET hub_name = $2, tenancy_id = $3
       WHERE id = (SELECT id FROM invite.registration_links WHERE hub_id = $1 FOR UPDATE)
       RETURNING ${COLUMNS}`,
      [hub.id, hub.name, hub.tenancyId],
    );
    return rows[0];
  }

  async saveSettings(
    manager: EntityManager,
    linkId: string,
    settings: RegistrationLinkSettings,
    actorAccountId: string,
  ): Promise<RegistrationLinkRow> {
    const rows = await returning<RegistrationLinkRow>(
      manager,
      `UPDATE invite.registration_links
       SET enabled = $2, user_type = $3, expires_at = $4, max_uses = $5, allowed_domains = $6::text[],
           updated_by = $7, updated_at = now()
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        linkId,
        settings.enabled,
        settings.userType,
        settings.expiresAt,
        settings.maxUses,
        settings.allowedDomains,
        actorAccountId,
      ],
    );
    return rows[0];
  }

  /** A new token; the previous one (if any) is remembered as retired, so its URL says "replaced". */
  async replaceToken(
    manager: EntityManager,
    link: RegistrationLinkRow,
    token: { hash: string; sealed: string },
    actorAccountId: string,
  ): Promise<RegistrationLinkRow> {
    if (link.token_hash) {
      await manager.query(
        `INSERT INTO invite.registration_link_retired_tokens (token_hash, link_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING`,
        [link.token_hash, link.id],
      );
    }
    const rows = await returning<RegistrationLinkRow>(
      manager,
      `UPDATE invite.registration_links
       SET token_hash = $2, token_sealed = $3, token_issued_at = now(), updated_by = $4, updated_at = now()
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [link.id, token.hash, token.sealed, actorAccountId],
    );
    return rows[0];
  }

  /** Counts one use (the caller holds the row lock and has checked the limit). */
  async countUse(manager: EntityManager, linkId: string): Promise<number> {
    const rows = await returning<{ use_count: number }>(
      manager,
      'UPDATE invite.registration_links SET use_count = use_count + 1 WHERE id = $1 RETURNING use_count',
      [linkId],
    );
    return rows[0].use_count;
  }

  /** The database's clock, so that "in the future" means the same thing as the expiry check. */
  async isFuture(manager: EntityManager, at: string): Promise<boolean> {
    const [row]: { future: boolean }[] = await manager.query('SELECT $1::timestamptz > now() AS future', [at]);
    return row.future;
  }
}
