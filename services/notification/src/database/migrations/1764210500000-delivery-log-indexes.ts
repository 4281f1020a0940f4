import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's delivery log filters a tenancy's deliveries by status, and retries the failed ones of
 * one mass invite by its correlation id (issue 10).
 */
export class DeliveryLogIndexes1764210500000 implements MigrationInterface {
  name = 'DeliveryLogIndexes1764210500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX deliveries_tenancy_status_idx ON notification.deliveries (tenancy_id, status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliveries_correlation_idx ON notification.deliveries (tenancy_id, correlation_id)
       WHERE correlation_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification.deliveries_correlation_idx`);
    await queryRunner.query(`DROP INDEX notification.deliveries_tenancy_status_idx`);
  }
}
