import os from 'node:os';
import { Client } from 'pg';
import { BENCH_AMQP_URL, BENCH_DATABASE_BASE, benchEnv, freshDatabase } from './bench-system';
import { PER_EVENT, nodemailerAlone, throughNotificationService } from './cases/email-throughput';
import { BenchSmtpSink } from './smtp-sink';

/**
 * The email pipeline alone, as often as asked, each run on a fresh database of its own, each beside the
 * nodemailer floor measured right after it (the machine is shared: compare ratios, not times):
 * `node -r ./scripts/runtime-paths.js dist/bench/email-pipeline.js email backlog email backlog`.
 * - `email`: the bench's email case, 10 events × 1,000 invites.
 * - `backlog`: 100 events × 1,000 invites published at once — 100,000 rows in notification.deliveries, the
 *   size at which a mass invite's sending slowed down (issue 12); also the rate of the first and last 10,000.
 * BENCH_PIPELINE_DATABASE names the database (dropped and created per run; dropped at the end).
 */
const DATABASE = process.env.BENCH_PIPELINE_DATABASE ?? 'gatehouse_bench_email';
const PORT = Number(process.env.BENCH_PIPELINE_PORT ?? 3194);
const EVENTS: Record<string, number> = { email: 10, backlog: 100 };

/** Emails/s between the `from`-th and the `to`-th arrival (ms since the first publish). */
function rateBetween(arrivals: number[], from: number, to: number): number {
  return (to - from) / ((arrivals[to - 1] - arrivals[from]) / 1000);
}

async function runOnce(kind: string): Promise<Record<string, unknown>> {
  const events = EVENTS[kind];
  if (!events) throw new Error(`unknown case ${kind} (email, backlog)`);
  const databaseUrl = await freshDatabase(DATABASE);
  const env = benchEnv(databaseUrl, 'bench-email');
  const sink = await BenchSmtpSink.start();
  try {
    const load = os.loadavg()[0];
    const service = await throughNotificationService(env, BENCH_AMQP_URL, PORT, sink, events);
    sink.reset();
    const floor = await nodemailerAlone(sink);
    const { arrivals } = service;
    const tenth = Math.min(10_000, Math.floor(arrivals.length / 10));
    return {
      case: kind,
      emails: events * PER_EVENT,
      load1: Number(load.toFixed(2)),
      perSecond: Math.round(service.perSecond),
      floorPerSecond: Math.round(floor.perSecond),
      ratio: Number((service.perSecond / floor.perSecond).toFixed(2)),
      firstPerSecond: Math.round(rateBetween(arrivals, 0, tenth)),
      lastPerSecond: Math.round(rateBetween(arrivals, arrivals.length - tenth, arrivals.length)),
      cpuMsPerEmail: Number(service.senderCpuMs.toFixed(3)),
      postgresCpuMsPerEmail: Number(service.postgresCpuMs!.toFixed(3)),
      floorCpuMsPerEmail: Number(floor.senderCpuMs.toFixed(3)),
      seconds: Number(service.seconds.toFixed(1)),
    };
  } finally {
    await sink.stop();
  }
}

async function main(): Promise<void> {
  const kinds = process.argv.slice(2);
  for (const kind of kinds.length > 0 ? kinds : ['email']) {
    process.stdout.write(`${JSON.stringify(await runOnce(kind))}\n`);
  }
  if (!process.env.BENCH_PIPELINE_KEEP) await dropDatabase();
}

async function dropDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${BENCH_DATABASE_BASE}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

main().catch((error: Error) => {
  process.stderr.write(`email pipeline bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
