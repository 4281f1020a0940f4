import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's audit log filters a tenancy's rows by correlation id (everything one mass invite caused)
 * and by actor (issue 10); other filters narrow the tenancy's own index.
 */
export class AuditFilterIndexes1764210500000 implements MigrationInterface {
  name = 'AuditFilterIndexes1764210500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_log_correlation_idx ON hub.audit_log (tenancy_id, correlation_id, created_at DESC, id DESC)
       WHERE correlation_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_log_actor_idx ON hub.audit_log (tenancy_id, actor_account_id, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX hub.audit_log_actor_idx`);
    await queryRunner.query(`DROP INDEX hub.audit_log_correlation_idx`);
  }
}
