import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's only table: the hits its rate limits count, shared by every replica (docs/decisions.md,
 * "Rate limits shared between gateway replicas"). Rows older than the longest window are pruned.
 */
export class RateLimitHits1764300000000 implements MigrationInterface {
  name = 'RateLimitHits1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE gateway.rate_limit_hits (
         bucket text NOT NULL,
         key text NOT NULL,
         hit_at timestamptz NOT NULL DEFAULT clock_timestamp()
       )`,
    );
    await queryRunner.query('CREATE INDEX rate_limit_hits_key_idx ON gateway.rate_limit_hits (bucket, key, hit_at)');
    await queryRunner.query('CREATE INDEX rate_limit_hits_age_idx ON gateway.rate_limit_hits (hit_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE gateway.rate_limit_hits');
  }
}
