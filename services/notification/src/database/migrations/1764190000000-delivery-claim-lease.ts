import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claimed ("sending") delivery names its owner (the replica) and holds a short lease (issue 11): a replica
 * reclaims its previous life's claims at boot and any replica those whose lease ran out, instead of failing
 * them ten minutes later. Rows "sending" at upgrade time get an expired lease, so they are recovered at once.
 */
export class DeliveryClaimLease1764190000000 implements MigrationInterface {
  name = 'DeliveryClaimLease1764190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE notification.deliveries ADD COLUMN claimed_by text, ADD COLUMN lease_until timestamptz`,
    );
    await queryRunner.query(`UPDATE notification.deliveries SET lease_until = updated_at WHERE status = 'sending'`);
    await queryRunner.query(`DROP INDEX notification.deliveries_sending_idx`);
    await queryRunner.query(
      `CREATE INDEX deliveries_sending_idx ON notification.deliveries (lease_until) WHERE status = 'sending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification.deliveries_sending_idx`);
    await queryRunner.query(`ALTER TABLE notification.deliveries DROP COLUMN claimed_by, DROP COLUMN lease_until`);
    await queryRunner.query(
      `CREATE INDEX deliveries_sending_idx ON notification.deliveries (updated_at) WHERE status = 'sending'`,
    );
  }
}
