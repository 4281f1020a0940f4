import { Injectable } from '@nestjs/common';
import { currentCorrelationId } from '@gatehouse/messaging';
import type { EntityManager } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';

export interface AuditRecord {
  tenancyId: string;
  hubId?: string | null;
  actorAccountId?: string | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
  correlationId?: string | null;
  sourceEventId?: string | null;
}

/** Appends audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditWriter {
  async append(manager: EntityManager, records: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    await manager.query(
      `INSERT INTO ${HUB_SCHEMA}.audit_log (tenancy_id, hub_id, actor_account_id, action, subject, details, correlation_id, source_event_id)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::uuid[])`,
      [
        list.map((r) => r.tenancyId),
        list.map((r) => r.hubId ?? null),
        list.map((r) => r.actorAccountId ?? null),
        list.map((r) => r.action),
        list.map((r) => r.subject ?? null),
        list.map((r) => JSON.stringify(r.details ?? {})),
        list.map((r) => r.correlationId ?? currentCorrelationId()),
        list.map((r) => r.sourceEventId ?? null),
      ],
    );
  }
}
