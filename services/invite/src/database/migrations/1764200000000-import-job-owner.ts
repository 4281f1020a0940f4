import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An import job names the replica running it (issue 11): a replica that boots again resumes its previous
 * life's job at once instead of waiting for the heartbeat to go stale.
 */
export class ImportJobOwner1764200000000 implements MigrationInterface {
  name = 'ImportJobOwner1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invite.import_jobs ADD COLUMN claimed_by text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE invite.import_jobs DROP COLUMN claimed_by`);
  }
}
