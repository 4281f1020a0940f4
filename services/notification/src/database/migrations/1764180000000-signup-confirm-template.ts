import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sign-up verification email (issue 11) is a template of its own. */
export class SignupConfirmTemplate1764180000000 implements MigrationInterface {
  name = 'SignupConfirmTemplate1764180000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.deliveries DROP CONSTRAINT deliveries_template_check`);
    await queryRunner.query(
      `ALTER TABLE notification.deliveries ADD CONSTRAINT deliveries_template_check
         CHECK (template IN ('invite', 'member-added', 'signup-confirm'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification.deliveries DROP CONSTRAINT deliveries_template_check`);
    await queryRunner.query(
      `ALTER TABLE notification.deliveries ADD CONSTRAINT deliveries_template_check
         CHECK (template IN ('invite', 'member-added'))`,
    );
  }
}
