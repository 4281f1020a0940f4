import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PolicyChangedPayload } from '@gatehouse/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { withoutNul } from '../database/pg-text';
import { NOTIFICATION_SCHEMA } from '../notification.config';

/** What the notification service knows of a tenancy's messaging policy. */
export interface TenancyMessagingPolicy {
  tenancyId: string;
  inviteMessageAppendix: string | null;
  inviteExpiryDays: number | null;
  version: number;
}

interface PolicyRow {
  tenancy_id: string;
  invite_message_appendix: string | null;
  invite_expiry_days: number | null;
  version: number;
}

const toPolicy = (row: PolicyRow): TenancyMessagingPolicy => ({
  tenancyId: row.tenancy_id,
  inviteMessageAppendix: row.invite_message_appendix,
  inviteExpiryDays: row.invite_expiry_days,
  version: row.version,
});

/**
 * The local copy of each tenancy's messaging policy, fed by hub.policy.changed, so that rendering never
 * calls the hub service. A change is applied only when its version is newer than the stored one, which
 * makes redelivered and out-of-order events harmless. A tenancy never heard of has the default: no appendix.
 */
@Injectable()
export class PolicyReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the policy if it is newer than what we have; true when it was applied. */
  async apply(change: PolicyChangedPayload, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${NOTIFICATION_SCHEMA}.tenancy_policies AS p
         (tenancy_id, invite_message_appendix, invite_expiry_days, version, changed_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenancy_id) DO UPDATE SET
         invite_message_appendix = EXCLUDED.invite_message_appendix,
         invite_expiry_days = EXCLUDED.invite_expiry_days,
         version = EXCLUDED.version,
         changed_at = EXCLUDED.changed_at,
         received_at = now()
       WHERE p.version < EXCLUDED.version
       RETURNING tenancy_id`,
      [
        change.tenancyId,
        change.inviteMessageAppendix === null ? null : withoutNul(change.inviteMessageAppendix),
        change.inviteExpiryDays,
        change.version,
        change.updatedAt,
      ],
    );
    return rows.length === 1;
  }

  async get(tenancyId: string): Promise<TenancyMessagingPolicy | null> {
    const rows: PolicyRow[] = await this.dataSource.query(
      `SELECT tenancy_id, invite_message_appendix, invite_expiry_days, version
       FROM ${NOTIFICATION_SCHEMA}.tenancy_policies WHERE tenancy_id = $1`,
      [tenancyId],
    );
    return rows.length === 1 ? toPolicy(rows[0]) : null;
  }
}
