import { Client } from 'pg';

/** Drops the per-run test database that the global setup created (not one named by TEST_DATABASE_URL). */
export default async function globalTeardown(): Promise<void> {
  const name = process.env.GATEHOUSE_TEST_DATABASE_CREATED;
  if (!name) return;
  const client = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
