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
       SELECT * FROM ROWS FROM (unnest($1::uuid[]), unnest($2::uuid[]), unnest($3::uuid[]), unnest($4::text[]),
         unnest($5::text[]), jsonb_array_elements($6::jsonb), unnest($7::text[]), unnest($8::uuid[]))`,
      [
        list.map((r) => r.tenancyId),
        list.map((r) => r.hubId ?? null),
        list.map((r) => r.actorAccountId ?? null),
        list.map((r) => r.action),
        list.map((r) => r.subject ?? null),
        // The details as one JSON array, not a jsonb[] of texts: PostgreSQL parses one document instead of
        // an array literal of escaped documents (about 6–10 µs less per row, issue 12).
        JSON.stringify(list.map((r) => r.details ?? {})),
        list.map((r) => r.correlationId ?? currentCorrelationId()),
        list.map((r) => r.sourceEventId ?? null),
      ],
    );
  }
}
