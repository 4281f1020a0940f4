import * as amqp from 'amqplib';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SERVICE_NAMES } from '@gatehouse/contracts';
import { AmqpNames, DEFAULT_RETRY_POLICY, retryDelays } from '@gatehouse/messaging';
import { testAmqpUrl, testDatabaseUrl } from './test-env';

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

/**
 * Removes every queue and exchange the processes declared under a namespace (the names of libs/messaging
 * topology: each service's rpc and events queues, their dead-letter queues and the events queues' retry
 * queues of the default retry policy, events.unconsumed, the exchanges and each service's "declared"
 * marker). Names that were never declared are skipped. Used by the tests and by the benchmarks.
 */
export async function deleteNamespace(namespace: string, amqpUrl: string = testAmqpUrl()): Promise<void> {
  const names = new AmqpNames(namespace);
  const queues = [names.unconsumedEventsQueue];
  for (const service of SERVICE_NAMES) {
    const events = names.eventsQueue(service);
    queues.push(names.rpcQueue(service), names.deadLetterQueue(names.rpcQueue(service)));
    queues.push(events, names.deadLetterQueue(events));
    queues.push(...retryDelays(DEFAULT_RETRY_POLICY).map((delayMs) => names.retryQueue(events, delayMs)));
  }
  const exchanges = [
    names.eventsExchange,
    names.deadLetterExchange,
    ...SERVICE_NAMES.map((service) => `${namespace}.${service}.declared`),
  ];
  const connection = await amqp.connect(amqpUrl);
  try {
    // One channel per deletion: the broker closes a channel on the first error.
    const attempt = async (remove: (channel: amqp.Channel) => Promise<unknown>) => {
      const channel = await connection.createChannel();
      channel.on('error', () => undefined);
      await remove(channel).catch(() => undefined);
      await channel.close().catch(() => undefined);
    };
    for (const queue of queues) await attempt((channel) => channel.deleteQueue(queue));
    for (const exchange of exchanges) await attempt((channel) => channel.deleteExchange(exchange));
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
