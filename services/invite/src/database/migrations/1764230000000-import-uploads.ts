import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Streamed uploads (issue 12): a file arrives in pieces and is stored piece by piece; the job names its
 * upload instead of holding the file in one bytea. A job's file that was stored whole is moved into an
 * upload of one piece.
 */
export class ImportUploads1764230000000 implements MigrationInterface {
  name = 'ImportUploads1764230000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE invite.import_uploads (
         id uuid PRIMARY KEY,
         hub_id uuid NOT NULL,
         created_by uuid NOT NULL,
         bytes bigint NOT NULL DEFAULT 0,
         pieces int NOT NULL DEFAULT 0,
         finished boolean NOT NULL DEFAULT false,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX import_uploads_unfinished_idx ON invite.import_uploads (updated_at) WHERE NOT finished`,
      `CREATE TABLE invite.import_upload_pieces (
         upload_id uuid NOT NULL REFERENCES invite.import_uploads(id) ON DELETE CASCADE,
         seq int NOT NULL,
         bytes bytea NOT NULL,
         PRIMARY KEY (upload_id, seq)
       )`,
      `ALTER TABLE invite.import_jobs
         ADD COLUMN upload_id uuid REFERENCES invite.import_uploads(id) ON DELETE SET NULL`,
      `INSERT INTO invite.import_uploads (id, hub_id, created_by, bytes, pieces, finished)
         SELECT id, hub_id, created_by, length(file_content), 1, true
         FROM invite.import_jobs WHERE file_content IS NOT NULL`,
      `INSERT INTO invite.import_upload_pieces (upload_id, seq, bytes)
         SELECT id, 0, file_content FROM invite.import_jobs WHERE file_content IS NOT NULL`,
      `UPDATE invite.import_jobs SET upload_id = id WHERE file_content IS NOT NULL`,
      `ALTER TABLE invite.import_jobs DROP COLUMN file_content`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE invite.import_jobs ADD COLUMN file_content bytea');
    await queryRunner.query(
      `UPDATE invite.import_jobs j SET file_content = (
         SELECT string_agg(p.bytes, ''::bytea ORDER BY p.seq) FROM invite.import_upload_pieces p WHERE p.upload_id = j.upload_id)
       WHERE upload_id IS NOT NULL`,
    );
    await queryRunner.query('ALTER TABLE invite.import_jobs DROP COLUMN upload_id');
    await queryRunner.query('DROP TABLE invite.import_upload_pieces');
    await queryRunner.query('DROP TABLE invite.import_uploads');
  }
}
