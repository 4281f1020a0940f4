import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import * as amqp from 'amqplib';
import { ACCOUNT_PATTERNS, Actor, HUB_PATTERNS, SERVICE_NAMES, SYSTEM_ACTOR, TenancyView } from '@gatehouse/contracts';
import { AmqpNames, DEFAULT_RETRY_POLICY, RpcClient, retryDelays } from '@gatehouse/messaging';

/** What every benchmark starts from: its own database and AMQP namespace on this machine's servers. */
export const BENCH_DATABASE_BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
export const BENCH_AMQP_URL = process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Drops and creates the database `name`; answers its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: `${BENCH_DATABASE_BASE}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return `${BENCH_DATABASE_BASE}/${name}`;
}

/** The environment of the compiled processes for one run: its database, a fresh namespace, a new JWT secret. */
export function benchEnv(databaseUrl: string, namespacePrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AMQP_URL: BENCH_AMQP_URL,
    AMQP_NAMESPACE: `${namespacePrefix}-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
}

export interface BenchAdmin {
  actor: Actor;
  password: string;
  tenancy: TenancyView;
}

/** The benchmark's signed-in person: an account that is the first admin of the tenancy "Bench". */
export async function benchAdmin(rpc: RpcClient): Promise<BenchAdmin> {
  const password = 'bench-password-long';
  const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
    email: 'bench-admin@bench.example',
    displayName: 'Bench Admin',
    password,
  });
  const profile = { accountId: admin.id, email: admin.email, displayName: admin.displayName };
  const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
    actor: SYSTEM_ACTOR,
    name: 'Bench',
    slug: 'bench',
    firstAdmin: profile,
  });
  return { actor: { ...profile, isOperator: false }, password, tenancy };
}

/**
 * Removes the queues and exchanges the processes declared under a bench namespace (the names of
 * libs/messaging topology: each service's rpc and events queues, their dead-letter and retry queues,
 * events.unconsumed, the exchanges and each service's "declared" marker). Names that were never
 * declared are skipped.
 */
export async function deleteNamespace(namespace: string): Promise<void> {
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
  const connection = await amqp.connect(BENCH_AMQP_URL);
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
