import { Client } from 'pg';
import { testDatabaseUrl } from './test-env';

/**
 * Runs once before jest: makes sure the test database exists. Tests never touch a database
 * whose name does not say "test" (see assertTestDatabase), so a developer's data is safe.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(testDatabaseUrl());
  const dbName = url.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await client.end();
  }
}
