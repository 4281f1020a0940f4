import * as amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testAmqpUrl, testDatabaseUrl } from './test-env';

const SERVICES = ['hub', 'invite', 'notification'];

/** A fresh AMQP namespace per test file, so queues of different runs never mix. */
export function newNamespace(label: string): string {
  return `test-${label}-${randomBytes(4).toString('hex')}`;
}

/** The environment a Gatehouse process gets in tests: test database, own namespace, any free port. */
export function testProcessEnv(namespace: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    AMQP_URL: testAmqpUrl(),
    AMQP_NAMESPACE: namespace,
    HTTP_PORT: '0',
    LOG_LEVEL: 'error',
    RPC_TIMEOUT_MS: '5000',
    ...extra,
  };
}

/** Drops service schemas so a test starts from the migrations. */
export async function resetSchemas(...schemas: string[]): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Removes every queue and exchange a test namespace created. */
export async function deleteNamespace(namespace: string): Promise<void> {
  const connection = await amqp.connect(testAmqpUrl());
  try {
    for (const service of SERVICES) {
      for (const queue of [`${namespace}.${service}.rpc`, `${namespace}.${service}.events`]) {
        for (const name of [queue, `${queue}.dead`]) {
          const channel = await connection.createChannel();
          channel.on('error', () => undefined);
          await channel.deleteQueue(name).catch(() => undefined);
          await channel.close().catch(() => undefined);
        }
      }
    }
    const unconsumed = await connection.createChannel();
    unconsumed.on('error', () => undefined);
    await unconsumed.deleteQueue(`${namespace}.events.unconsumed`).catch(() => undefined);
    await unconsumed.close().catch(() => undefined);
    const channel = await connection.createChannel();
    await channel.deleteExchange(`${namespace}.events`);
    await channel.deleteExchange(`${namespace}.dead-letter`);
    // Each service's marker of its declared topology (bootBackendService).
    for (const service of SERVICES) await channel.deleteExchange(`${namespace}.${service}.declared`);
    await channel.close();
  } finally {
    await connection.close();
  }
}

/** Runs SQL against the test database (assertions that look at stored state). */
export async function queryTestDb<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
