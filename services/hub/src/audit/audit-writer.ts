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

/** The audit_log columns a record fills, but its details. */
const COLUMNS: { name: string; type: 'uuid' | 'text'; of: (record: AuditRecord) => string | null }[] = [
  { name: 'tenancy_id', type: 'uuid', of: (r) => r.tenancyId },
  { name: 'hub_id', type: 'uuid', of: (r) => r.hubId ?? null },
  { name: 'actor_account_id', type: 'uuid', of: (r) => r.actorAccountId ?? null },
  { name: 'action', type: 'text', of: (r) => r.action },
  { name: 'subject', type: 'text', of: (r) => r.subject ?? null },
  { name: 'correlation_id', type: 'text', of: (r) => r.correlationId ?? currentCorrelationId() },
  { name: 'source_event_id', type: 'uuid', of: (r) => r.sourceEventId ?? null },
];

/** Appends audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditWriter {
  /**
   * One statement for all the records. A column with the same value in every record (the tenancy, Hub,
   * actor, action and event of the thousand rows one event stands for) is sent once, not as an array of
   * copies that node-postgres escapes and PostgreSQL parses element by element.
   */
  async append(manager: EntityManager, records: AuditRecord | AuditRecord[]): Promise<void> {
    const list = Array.isArray(records) ? records : [records];
    if (list.length === 0) return;
    const params: unknown[] = [];
    const selected: string[] = [];
    const unnested: string[] = [];
    for (const column of COLUMNS) {
      const values = list.map(column.of);
      const shared = values.every((value) => value === values[0]);
      params.push(shared ? values[0] : values);
      if (shared) {
        selected.push(`$${params.length}::${column.type}`);
      } else {
        unnested.push(`unnest($${params.length}::${column.type}[])`);
        selected.push(`t.c${unnested.length}`);
      }
    }
    // The details as one JSON array, not a jsonb[] of texts: PostgreSQL parses one document instead of an
    // array literal of escaped documents (about 6–10 µs less per row, issue 12).
    params.push(JSON.stringify(list.map((r) => r.details ?? {})));
    unnested.push(`jsonb_array_elements($${params.length}::jsonb)`);
    const names = unnested.map((_, i) => (i === unnested.length - 1 ? 'details' : `c${i + 1}`));
    await manager.query(
      `INSERT INTO ${HUB_SCHEMA}.audit_log (${COLUMNS.map((c) => c.name).join(', ')}, details)
       SELECT ${selected.join(', ')}, t.details FROM ROWS FROM (${unnested.join(', ')}) AS t(${names.join(', ')})`,
      params,
    );
  }
}
