import { HUB_PATTERNS } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { ProcessGroup, repoRoot } from '../scripts/processes';
import os from 'node:os';
import { BENCH_AMQP_URL, benchAdmin, benchEnv, freshDatabase } from './bench-system';
import { accountLookup, seedAccounts } from './cases/account-lookup';
import { bulkAdd } from './cases/bulk-add';
import { emailThroughput } from './cases/email-throughput';
import { massInvite } from './cases/mass-invite';
import { rpcRoundTrip } from './cases/rpc-round-trip';
import { describeMachine } from './machine';
import { Figure, writeReport } from './report';

/**
 * `npm run bench`: starts the compiled processes against a database of its own (gatehouse_bench, reset
 * each run) and a fresh AMQP namespace on this machine's PostgreSQL and RabbitMQ, measures, and puts each
 * figure beside a floor measured in the same run. Loopback only.
 */
const AMQP_URL = BENCH_AMQP_URL;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
/** Mass-invite file sizes, e.g. BENCH_ROWS=10000 for a quick run. */
const ROWS = (process.env.BENCH_ROWS ?? '10000,100000').split(',').map(Number);
/** Which cases run (all by default): rpc, bulk, email, lookup, mass. */
const CASES = new Set((process.env.BENCH_CASES ?? 'rpc,bulk,email,lookup,mass').split(','));
/**
 * The run's own database and ports, for two benches on one machine at once (e.g. BENCH_DATABASE=gatehouse_bench_b
 * BENCH_PORT_BASE=3200): the database is dropped and created again, so no two runs may share a name.
 */
const DATABASE = process.env.BENCH_DATABASE ?? 'gatehouse_bench';
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3100);
const PORTS = {
  gateway: PORT_BASE,
  hub: PORT_BASE + 1,
  invite: PORT_BASE + 2,
  notification: PORT_BASE + 3,
  mailOnly: PORT_BASE + 4,
};

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase(DATABASE);
  const env = benchEnv(databaseUrl, 'bench');
  const group = new ProcessGroup();
  const rpc = new RpcClient({ url: AMQP_URL, names: new AmqpNames(env.AMQP_NAMESPACE), timeoutMs: 30_000 });
  const figures: Figure[] = [];
  try {
    const loadBefore = load();
    await group.start('hub', PORTS.hub, env);
    await group.start('invite', PORTS.invite, env);
    const { actor, password, tenancy } = await benchAdmin(rpc);
    const hub = await rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, tenancyId: tenancy.id, name: 'Bench Hub' });
    const floorHub = await rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, tenancyId: tenancy.id, name: 'Floor Hub' });

    if (CASES.has('rpc')) {
      process.stdout.write('RPC round trips…\n');
      figures.push(...(await rpcRoundTrip(rpc, AMQP_URL, hub.id, actor.accountId)));
    }
    if (CASES.has('bulk')) {
      process.stdout.write('Bulk add…\n');
      figures.push(...(await bulkAdd(rpc, databaseUrl, hub.id, floorHub.id)));
    }
    let nodemailerPerSecond: number | null = null;
    if (CASES.has('email')) {
      process.stdout.write('Email throughput…\n');
      const email = await emailThroughput(env, AMQP_URL, PORTS.mailOnly);
      nodemailerPerSecond = email[0].floor?.value ?? null;
      figures.push(...email);
    }
    if (CASES.has('lookup') || CASES.has('mass')) {
      process.stdout.write(`Seeding ${ACCOUNTS.toLocaleString('en')} accounts…\n`);
      await seedAccounts(databaseUrl, ACCOUNTS);
    }
    if (CASES.has('lookup')) {
      process.stdout.write('Account lookup…\n');
      figures.push(...(await accountLookup(rpc, databaseUrl, ACCOUNTS)));
    }
    if (CASES.has('mass')) {
      process.stdout.write('Mass invite through the whole system…\n');
      figures.push(
        ...(await massInvite(
          {
            group,
            env,
            ports: PORTS,
            rpc,
            databaseUrl,
            actor,
            password,
            tenancyId: tenancy.id,
            nodemailerPerSecond,
          },
          ROWS,
        )),
      );
    }

    const machine = await describeMachine(databaseUrl, AMQP_URL);
    process.stdout.write(
      `\n${writeReport(repoRoot(), machine, figures, `load average (1/5/15 min) at the start ${loadBefore}, at the end ${load()}`)}\nReport: bench/reports/latest.md\n`,
    );
  } finally {
    await rpc.close();
    await group.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
