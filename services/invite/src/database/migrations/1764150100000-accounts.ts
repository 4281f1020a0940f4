import { outboxTablesSql } from '@gatehouse/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1764150100000 implements MigrationInterface {
  name = 'Accounts1764150100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.accounts (
         id uuid PRIMARY KEY,
         email text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
         display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
         password_hash text NOT NULL,
         is_operator boolean NOT NULL DEFAULT false,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      // The CHECK above forces lower case, so this plain unique index is unique case-insensitively, and
      // batched lookups (email = ANY($1)) use it directly.
      `CREATE UNIQUE INDEX accounts_email_key ON invite.accounts (email)`,
      ...outboxTablesSql('invite'),
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['inbox', 'outbox', 'accounts'])
      await queryRunner.query(`DROP TABLE IF EXISTS invite.${table}`);
  }
}
