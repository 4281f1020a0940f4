import { HUB_PATTERNS } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { PROCESS_NAMES, repoRoot } from '../scripts/processes';
import os from 'node:os';
import { BenchProcesses, SPARE_PORT } from './bench-processes';
import { BENCH_AMQP_URL, benchAdmin, benchEnv, deleteNamespace, freshDatabase } from './bench-system';
import { accountLookup, seedAccounts } from './cases/account-lookup';
import { bulkAdd } from './cases/bulk-add';
import { emailThroughput } from './cases/email-throughput';
import { ReplicaPlan, massInvite } from './cases/mass-invite';
import { rpcRoundTrip } from './cases/rpc-round-trip';
import { describeNodeOptions } from './deployed-node-options';
import { describeMachine } from './machine';
import { Figure, writeReport } from './report';

/**
 * `npm run bench`: starts the compiled processes against a database of its own (reset each run) and a
 * fresh AMQP namespace on this machine's PostgreSQL and RabbitMQ, each process with the NODE_OPTIONS of
 * its manifest (deploy/k8s), measures, and puts each figure beside a floor measured in the same run and
 * the target of issue #12. Loopback only. docs/performance.md says what each figure is.
 */
const AMQP_URL = BENCH_AMQP_URL;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
/** Mass-invite file sizes, e.g. BENCH_ROWS=10000 for a quick run. */
const ROWS = (process.env.BENCH_ROWS ?? '10000,100000').split(',').map(Number);
/**
 * Replicas of each process for the mass invite (BENCH_REPLICAS=1,2 by default: one, then two): with one
 * replica every size of BENCH_ROWS goes up, with more only the largest (the 100k figures).
 */
const REPLICAS = (process.env.BENCH_REPLICAS ?? '1,2').split(',').map(Number);
/** Which cases run (all by default): rpc, bulk, email, lookup, mass. */
const CASES = new Set((process.env.BENCH_CASES ?? 'rpc,bulk,email,lookup,mass').split(','));
/** Database name (BENCH_DATABASE), so that two benchmarks can run side by side on one machine (with BENCH_PORT_BASE). */
const DATABASE = process.env.BENCH_DATABASE ?? 'gatehouse_bench';

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

const replicaPlans = (): ReplicaPlan[] =>
  REPLICAS.map((replicas) => ({ replicas, rows: replicas === 1 ? ROWS : [Math.max(...ROWS)] }));

async function main(): Promise<void> {
  const databaseUrl = await freshDatabase(DATABASE);
  const env = benchEnv(databaseUrl, 'bench');
  const processes = new BenchProcesses(env);
  const rpc = new RpcClient({ url: AMQP_URL, names: new AmqpNames(env.AMQP_NAMESPACE), timeoutMs: 30_000 });
  const figures: Figure[] = [];
  const sections: string[] = [];
  try {
    const loadBefore = load();
    await processes.scale('hub', 1);
    await processes.scale('invite', 1);
    const { actor, password, tenancy } = await benchAdmin(rpc);
    const hubNamed = async (name: string) =>
      (await rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, tenancyId: tenancy.id, name })).id;
    const hubId = await hubNamed('Bench Hub');

    if (CASES.has('rpc')) {
      process.stdout.write('RPC round trips…\n');
      figures.push(
        ...(await rpcRoundTrip(rpc, AMQP_URL, hubId, actor.accountId, processes.replicas('hub')[0].child.pid!)),
      );
    }
    if (CASES.has('bulk')) {
      process.stdout.write('Bulk add…\n');
      figures.push(
        ...(await bulkAdd(rpc, databaseUrl, hubId, await hubNamed('Floor Hub'), await hubNamed('Members-only Hub'))),
      );
    }
    let nodemailerPerSecond: number | null = null;
    if (CASES.has('email')) {
      process.stdout.write('Email throughput…\n');
      const email = await emailThroughput(env, AMQP_URL, SPARE_PORT);
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
      const mass = await massInvite(
        {
          processes,
          env,
          rpc,
          accounts: ACCOUNTS,
          databaseUrl,
          actor,
          password,
          tenancyId: tenancy.id,
          nodemailerPerSecond,
        },
        replicaPlans(),
      );
      figures.push(...mass.figures);
      sections.push(...mass.sections);
    }

    const machine = await describeMachine(databaseUrl, AMQP_URL);
    const report = writeReport(repoRoot(), machine, figures, {
      load: `load average (1/5/15 min) at the start ${loadBefore}, at the end ${load()}`,
      nodeOptions: describeNodeOptions(PROCESS_NAMES),
      sections,
    });
    process.stdout.write(`\n${report}\nReport: bench/reports/latest.md\n`);
  } finally {
    await rpc.close();
    await processes.stop();
    await deleteNamespace(env.AMQP_NAMESPACE);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
