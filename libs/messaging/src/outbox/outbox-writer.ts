import type { PendingEvent } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { currentCorrelationId } from '../correlation';
import { outboxChannel } from './outbox-schema';

/** Any event at all: for the messaging library's own tests, which publish names no service has. */
export interface UntypedEvent {
  name: string;
  payload: object;
}

/**
 * Records events in the same transaction as the state change they announce (pass the transaction's
 * EntityManager). Nothing is published here: the relay does that after commit. pg_notify is
 * transactional too, so the relay is woken exactly when the rows become visible. Typed by the event
 * map (EVENT_CONTRACTS): each name takes its own payload class's shape.
 */
export class OutboxWriter<TEvent extends UntypedEvent = PendingEvent> {
  constructor(private readonly schema: string) {}

  async add(manager: EntityManager, events: TEvent | TEvent[], correlationId?: string | null): Promise<string[]> {
    const list = Array.isArray(events) ? events : [events];
    if (list.length === 0) return [];
    const ids = list.map(() => randomUUID());
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, event_name, payload, correlation_id)
       SELECT id, name, payload, $4
       FROM ROWS FROM (unnest($1::uuid[]), unnest($2::text[]), jsonb_array_elements($3::jsonb)) AS t(id, name, payload)`,
      [
        ids,
        list.map((e) => e.name),
        // The payloads as one JSON array, not a jsonb[] of texts: a large payload (a mass invite's chunk)
        // is not escaped into an array literal and unescaped again (issue 12).
        JSON.stringify(list.map((e) => e.payload)),
        correlationId ?? currentCorrelationId(),
      ],
    );
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return ids;
  }
}
