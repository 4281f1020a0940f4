import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The key of the hub.member.add-bulk request that added a member (issue 12): a request the broker delivers
 * again after the hub died holding it, or that its caller sends again after a lost answer, is answered
 * with the members that key added as `added`, not as already members.
 */
export class MembershipRequestKey1764400000000 implements MigrationInterface {
  name = 'MembershipRequestKey1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hub.memberships ADD COLUMN added_by_request text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hub.memberships DROP COLUMN added_by_request`);
  }
}
