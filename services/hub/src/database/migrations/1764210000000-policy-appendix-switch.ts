import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The invite message appendix gets its own on/off switch, so that switching it off keeps the text the
 * tenant admin wrote (the console's Policies page). invite_message_appendix now holds that text, on or
 * off; an appendix that was set before this migration is on.
 */
export class PolicyAppendixSwitch1764210000000 implements MigrationInterface {
  name = 'PolicyAppendixSwitch1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE hub.tenancy_policies ADD COLUMN invite_message_appendix_enabled boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'UPDATE hub.tenancy_policies SET invite_message_appendix_enabled = true WHERE invite_message_appendix IS NOT NULL',
    );
    await queryRunner.query(
      `ALTER TABLE hub.tenancy_policies ADD CONSTRAINT tenancy_policies_enabled_appendix_has_text
         CHECK (NOT invite_message_appendix_enabled OR invite_message_appendix IS NOT NULL)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE hub.tenancy_policies SET invite_message_appendix = NULL WHERE NOT invite_message_appendix_enabled',
    );
    await queryRunner.query('ALTER TABLE hub.tenancy_policies DROP COLUMN invite_message_appendix_enabled');
  }
}
