import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ACCOUNT_PATTERNS, HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { ProcessGroup, repoRoot } from '@gatehouse/processes';
import { accountLookup, seedAccounts } from './cases/account-lookup';
import { bulkAdd } from './cases/bulk-add';
import { rpcRoundTrip } from './cases/rpc-round-trip';
import { describeMachine } from './machine';
import { Figure, writeReport } from './report';

/**
 * `npm run bench`: starts the compiled processes against a database of its own (gatehouse_bench, reset
 * each run) and a fresh AMQP namespace on this machine's PostgreSQL and RabbitMQ, measures, and puts each
 * figure beside a floor measured in the same run. Loopback only.
 */
const BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
const AMQP_URL = process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);

async function freshDatabase(): Promise<string> {
  const admin = new Client({ connectionString: `${BASE}/postgres` });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS gatehouse_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE gatehouse_bench');
  await admin.end();
  return `${BASE}/gatehouse_bench`;
}

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase();
  const namespace = `bench-${randomBytes(3).toString('hex')}`;
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AMQP_URL,
    AMQP_NAMESPACE: namespace,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  const group = new ProcessGroup();
  const rpc = new RpcClient({ url: AMQP_URL, names: new AmqpNames(namespace), timeoutMs: 30_000 });
  const figures: Figure[] = [];
  try {
    await group.start('hub', 3101, env);
    await group.start('invite', 3102, env);
    const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: 'bench-admin@bench.example',
      displayName: 'Bench Admin',
      password: 'bench-password-long',
    });
    const profile = { accountId: admin.id, email: admin.email, displayName: admin.displayName };
    const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: 'Bench',
      slug: 'bench',
      firstAdmin: profile,
    });
    const actor = { ...profile, isOperator: false };
    const hub = await rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, tenancyId: tenancy.id, name: 'Bench Hub' });
    const floorHub = await rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, tenancyId: tenancy.id, name: 'Floor Hub' });

    process.stdout.write('RPC round trips…\n');
    figures.push(...(await rpcRoundTrip(rpc, AMQP_URL, hub.id, admin.id)));
    process.stdout.write('Bulk add…\n');
    figures.push(...(await bulkAdd(rpc, databaseUrl, hub.id, floorHub.id)));
    process.stdout.write(`Seeding ${ACCOUNTS.toLocaleString('en')} accounts…\n`);
    await seedAccounts(databaseUrl, ACCOUNTS);
    process.stdout.write('Account lookup…\n');
    figures.push(...(await accountLookup(rpc, databaseUrl, ACCOUNTS)));

    const machine = await describeMachine(databaseUrl, AMQP_URL);
    process.stdout.write(`\n${writeReport(repoRoot(), machine, figures)}\nReport: bench/reports/latest.md\n`);
  } finally {
    await rpc.close();
    await group.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
