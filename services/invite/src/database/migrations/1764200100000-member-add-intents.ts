import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Members a mass invite is about to add through the hub (issue 11). Written before the hub call; if the
 * answer is lost (a crash, a terminated connection, a timeout) the retry finds the hub saying
 * "already a member" — the intent says the job itself added them, so they are reported `added` and get
 * their notice. Removed with the notice's commit.
 */
export class MemberAddIntents1764200100000 implements MigrationInterface {
  name = 'MemberAddIntents1764200100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE invite.member_add_intents (
         batch_key text NOT NULL,
         account_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (batch_key, account_id)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE invite.member_add_intents`);
  }
}
