/**
 * DDL of the outbox and inbox tables, for a service's own migration. Every producing service has an
 * outbox in its schema; every consuming service has an inbox keyed by (message id, consumer).
 */
export function outboxTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
       id uuid PRIMARY KEY,
       event_name text NOT NULL,
       payload jsonb NOT NULL,
       correlation_id text,
       created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       sent_at timestamptz
     )`,
    `CREATE INDEX outbox_unsent_idx ON "${schema}".outbox (created_at) WHERE sent_at IS NULL`,
    `CREATE TABLE "${schema}".inbox (
       message_id uuid NOT NULL,
       consumer text NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (message_id, consumer)
     )`,
  ];
}

/** The LISTEN/NOTIFY channel that wakes the relay when a transaction with outbox rows commits. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}
