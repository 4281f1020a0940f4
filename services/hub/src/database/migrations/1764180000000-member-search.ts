import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts search (GET /api/v1/hubs/{hubId}/members?search=…): substring matches on name and email with
 * ILIKE, served by trigram GIN indexes so thousands of members do not mean a scan per keystroke.
 * pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (PostgreSQL 13+): the service's own
 * user may install it. Where it is not available the indexes are skipped and search still works, by
 * scanning the Hub's memberships (found through the listing index).
 */
export class MemberSearch1764180000000 implements MigrationInterface {
  name = 'MemberSearch1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      DECLARE trgm_schema name;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
          RAISE NOTICE 'pg_trgm is not available: member search runs without trigram indexes';
          RETURN;
        END IF;
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        SELECT n.nspname INTO trgm_schema
          FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
         WHERE e.extname = 'pg_trgm';
        EXECUTE format(
          'CREATE INDEX memberships_name_trgm_idx ON hub.memberships USING gin (display_name %I.gin_trgm_ops)',
          trgm_schema);
        EXECUTE format(
          'CREATE INDEX memberships_email_trgm_idx ON hub.memberships USING gin (email %I.gin_trgm_ops)',
          trgm_schema);
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS hub.memberships_name_trgm_idx');
    await queryRunner.query('DROP INDEX IF EXISTS hub.memberships_email_trgm_idx');
  }
}
