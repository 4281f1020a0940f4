import { outboxTablesSql } from '@gatehouse/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationSchema1764150200000 implements MigrationInterface {
  name = 'NotificationSchema1764150200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // The read model of the hub's tenancy messaging policy, fed by hub.policy.changed.
      `CREATE TABLE notification.tenancy_policies (
         tenancy_id uuid PRIMARY KEY,
         invite_message_appendix text,
         invite_expiry_days int,
         version int NOT NULL,
         changed_at timestamptz NOT NULL,
         received_at timestamptz NOT NULL DEFAULT now()
       )`,
      // One row per email: at most one per (event, recipient). `vars` is what rendering needs later;
      // it is cleared once the email is sent (an invite's vars hold the raw accept token).
      `CREATE TABLE notification.deliveries (
         id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         event_id uuid NOT NULL,
         recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
         template text NOT NULL CHECK (template IN ('invite', 'member-added')),
         vars jsonb,
         tenancy_id uuid NOT NULL,
         hub_id uuid,
         correlation_id text,
         status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
         attempts int NOT NULL DEFAULT 0,
         next_attempt_at timestamptz NOT NULL DEFAULT now(),
         last_error text,
         message_id text,
         created_at timestamptz NOT NULL DEFAULT now(),
         sent_at timestamptz,
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT deliveries_vars_until_sent CHECK (status = 'sent' OR vars IS NOT NULL)
       )`,
      `CREATE UNIQUE INDEX deliveries_event_recipient_key ON notification.deliveries (event_id, lower(recipient))`,
      `CREATE INDEX deliveries_due_idx ON notification.deliveries (next_attempt_at) WHERE status = 'queued'`,
      `CREATE INDEX deliveries_sending_idx ON notification.deliveries (updated_at) WHERE status = 'sending'`,
      `CREATE INDEX deliveries_tenancy_idx ON notification.deliveries (tenancy_id, created_at DESC, id DESC)`,
      `CREATE INDEX deliveries_created_idx ON notification.deliveries (created_at DESC, id DESC)`,
      // The inbox de-duplicates consumed events (the outbox table comes along and stays empty:
      // this service publishes nothing yet).
      ...outboxTablesSql('notification'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox', 'outbox', 'deliveries', 'tenancy_policies']) {
      await queryRunner.query(`DROP TABLE IF EXISTS notification.${table} CASCADE`);
    }
  }
}
