import { MigrationInterface, QueryRunner } from 'typeorm';

/** The console lists every mass invite of a tenancy, newest first (issue 10). */
export class ImportJobsTenancyIndex1764210500000 implements MigrationInterface {
  name = 'ImportJobsTenancyIndex1764210500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX import_jobs_tenancy_idx ON invite.import_jobs (tenancy_id, created_at DESC, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX invite.import_jobs_tenancy_idx`);
  }
}
