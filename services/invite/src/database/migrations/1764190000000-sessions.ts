import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Browser sessions (the web app's cookie). The token itself is never stored: only its SHA-256. The CSRF
 * token is kept as it is, because the gateway must hand it back to the page; on its own it grants nothing.
 */
export class Sessions1764190000000 implements MigrationInterface {
  name = 'Sessions1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.sessions (
         id uuid PRIMARY KEY,
         account_id uuid NOT NULL REFERENCES invite.accounts(id) ON DELETE CASCADE,
         token_hash text NOT NULL CHECK (length(token_hash) = 64),
         csrf_token text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         last_seen_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         ended_at timestamptz
       )`,
      `CREATE UNIQUE INDEX sessions_token_hash_key ON invite.sessions (token_hash)`,
      `CREATE INDEX sessions_account_live_idx ON invite.sessions (account_id) WHERE ended_at IS NULL`,
      `CREATE INDEX sessions_expires_idx ON invite.sessions (expires_at)`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS invite.sessions');
  }
}
