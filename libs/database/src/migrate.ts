import type { DataSource } from 'typeorm';

/**
 * Creates the service's schema if needed and runs its pending migrations, each in its own transaction.
 * An advisory lock keeps two replicas starting at once from migrating together.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error('The data source has no schema');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]).catch(() => undefined);
    await runner.release();
  }
}
