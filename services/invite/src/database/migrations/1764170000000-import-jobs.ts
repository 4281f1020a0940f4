import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mass invites (issue 5): import jobs and their per-row results. */
export class ImportJobs1764170000000 implements MigrationInterface {
  name = 'ImportJobs1764170000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.import_jobs (
         id uuid PRIMARY KEY,
         hub_id uuid NOT NULL,
         tenancy_id uuid NOT NULL,
         hub_name text NOT NULL,
         created_by uuid NOT NULL,
         inviter_name text NOT NULL,
         user_type text NOT NULL CHECK (user_type IN ('TEAM_MEMBER', 'EXTERNAL_MEMBER')),
         invite_expiry_days int NOT NULL,
         dry_run boolean NOT NULL DEFAULT false,
         file_name text NOT NULL,
         file_content bytea,
         status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'parsing', 'running', 'done', 'failed')),
         total_rows int,
         processed_rows int NOT NULL DEFAULT 0,
         summary jsonb NOT NULL DEFAULT '{}',
         fixes jsonb NOT NULL DEFAULT '[]',
         error_code text,
         error_message text,
         email_preview jsonb,
         correlation_id text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         started_at timestamptz,
         heartbeat_at timestamptz,
         finished_at timestamptz
       )`,
      `CREATE INDEX import_jobs_hub_idx ON invite.import_jobs (hub_id, created_at DESC, id)`,
      `CREATE INDEX import_jobs_active_idx ON invite.import_jobs (created_at) WHERE status IN ('queued', 'parsing', 'running')`,
      `CREATE TABLE invite.import_rows (
         job_id uuid NOT NULL REFERENCES invite.import_jobs(id) ON DELETE CASCADE,
         line int NOT NULL,
         raw_value text NOT NULL,
         email text,
         outcome text CHECK (outcome IN ('added', 'invited', 'already_member', 'already_invited', 'duplicate_in_file', 'invalid', 'skipped')),
         reason text,
         PRIMARY KEY (job_id, line)
       )`,
      `CREATE INDEX import_rows_pending_idx ON invite.import_rows (job_id, line) WHERE outcome IS NULL`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS invite.import_rows');
    await queryRunner.query('DROP TABLE IF EXISTS invite.import_jobs');
  }
}
