import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { assertTestDatabase } from './test-env';

const BASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs once before jest. Unless TEST_DATABASE_URL names one, every run gets a database of its own
 * (gatehouse_test_<random>), dropped again by the global teardown, so that two runs on one machine never
 * reset each other's schemas. Tests never touch a database whose name does not say "test".
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    const url = process.env.TEST_DATABASE_URL;
    assertTestDatabase(url);
    const name = new URL(url).pathname.slice(1);
    await withAdminClient(url, async (client) => {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
    });
    return;
  }
  const name = `gatehouse_test_${randomBytes(4).toString('hex')}`;
  await withAdminClient(BASE_URL, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.GATEHOUSE_TEST_DATABASE_CREATED = name;
}
