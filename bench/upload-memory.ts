import os from 'node:os';
import { HUB_PATTERNS, ImportJobView } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { PROCESS_NAMES, ProcessGroup, pollUntil } from '../scripts/processes';
import { processEnv } from './bench-processes';
import { BENCH_AMQP_URL, benchAdmin, benchEnv, deleteNamespace, freshDatabase } from './bench-system';
import { describeNodeOptions } from './deployed-node-options';
import { PeakMemory } from './process-memory';
import { BenchSmtpSink } from './smtp-sink';

/**
 * Issue 12: the peak RSS of the gateway, invite and hub processes while a mass-invite file goes through
 * the system (HTTP upload → job done), for 10,000 rows, 100,000 rows and the configured maximum
 * (IMPORT_MAX_ROWS rows padded to just under IMPORT_MAX_BYTES). Memory should stay flat as the file grows.
 * The notification service sends the invite emails to a local sink meanwhile; it is not measured here
 * (it is still sending when the next file goes up; `npm run bench` measures it).
 * `node -r ./scripts/runtime-paths.js dist/bench/upload-memory.js` after a build. Each process runs with
 * the NODE_OPTIONS of its manifest (deploy/k8s), or BENCH_NODE_OPTIONS (e.g. `--max-old-space-size=128`)
 * for all when it is set.
 */
const PORTS = { gateway: 3110, hub: 3111, invite: 3112, notification: 3113 };
/** The invite service's defaults (IMPORT_MAX_ROWS, IMPORT_MAX_BYTES). */
const MAX_ROWS = 100_000;
const MAX_BYTES = 10 * 1024 * 1024;
const DATABASE = 'gatehouse_bench_upload';

interface Case {
  label: string;
  rows: number;
  /** Pad every row to make the file this large (bytes), or leave rows short. */
  bytes?: number;
}

const CASES: Case[] = [
  { label: '10k rows', rows: 10_000 },
  { label: '100k rows', rows: 100_000 },
  { label: 'maximum: 100k rows, 10 MiB', rows: MAX_ROWS, bytes: MAX_BYTES - 1024 },
];

/** Rows like the generator's (test/fixtures/gen-emails.mjs), a quoted field in each; padded to `bytes`. */
function csvFile(prefix: string, { rows, bytes }: Case): Buffer {
  const header = 'Email,First name,Last name,Note\n';
  const line = (i: number, pad: number) => `${prefix}-${i}@example.com,First${i},"Last, ${i}",${'x'.repeat(pad)}\n`;
  const unpadded =
    Buffer.byteLength(header) + Array.from({ length: rows }, (_, i) => line(i, 0).length).reduce((a, b) => a + b, 0);
  const pad = bytes ? Math.floor((bytes - unpadded) / rows) : 0;
  const parts = [header];
  for (let i = 0; i < rows; i++) parts.push(line(i, pad));
  return Buffer.from(parts.join(''), 'utf8');
}

async function call<T>(url: string, init: RequestInit, expected: number): Promise<T> {
  const response = await fetch(url, init);
  if (response.status !== expected) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const env = benchEnv(await freshDatabase(DATABASE), 'bench-upload');
  const group = new ProcessGroup();
  const rpc = new RpcClient({ url: BENCH_AMQP_URL, names: new AmqpNames(env.AMQP_NAMESPACE), timeoutMs: 30_000 });
  const sink = await BenchSmtpSink.start();
  try {
    await group.start('hub', PORTS.hub, processEnv('hub', 'hub', env));
    await group.start('invite', PORTS.invite, processEnv('invite', 'invite', env));
    await group.start(
      'notification',
      PORTS.notification,
      processEnv('notification', 'notification', env, { SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '100000' }),
    );
    await group.start('gateway', PORTS.gateway, processEnv('gateway', 'gateway', env));
    const { actor, password, tenancy } = await benchAdmin(rpc);
    const base = `http://127.0.0.1:${PORTS.gateway}`;
    const { accessToken } = await call<{ accessToken: string }>(
      `${base}/api/v1/auth/sign-in`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: actor.email, password }),
      },
      200,
    );
    const auth = { authorization: `Bearer ${accessToken}` };
    const lines: string[] = [];
    for (const [index, testCase] of CASES.entries()) {
      const hub = await rpc.call(HUB_PATTERNS.HUB_CREATE, {
        actor,
        tenancyId: tenancy.id,
        name: `Upload ${index + 1}`,
      });
      const file = csvFile(`case${index}`, testCase);
      const form = new FormData();
      form.append('userType', 'EXTERNAL_MEMBER');
      form.append('file', new Blob([file], { type: 'text/csv' }), 'people.csv');
      sink.reset();
      const memory = new PeakMemory(group.started);
      memory.start();
      const start = performance.now();
      const created = await call<ImportJobView>(
        `${base}/api/v1/hubs/${hub.id}/invite-imports`,
        { method: 'POST', headers: auth, body: form },
        202,
      );
      const job = await pollUntil(
        async () => {
          const response = await fetch(`${base}/api/v1/invite-imports/${created.id}`, { headers: auth });
          // A busy invite service may miss the RPC timeout (503): ask again.
          if (response.status === 503) return false;
          if (response.status !== 200)
            throw new Error(`job ${created.id}: ${response.status} ${await response.text()}`);
          const current = (await response.json()) as ImportJobView;
          if (current.status === 'failed') throw new Error(`import failed: ${current.error?.message}`);
          return current.status === 'done' && current;
        },
        `import ${created.id} to finish`,
        { timeoutMs: 900_000, intervalMs: 250 },
      );
      const done = (performance.now() - start) / 1000;
      const peaks = memory.stop();
      const mib = (n: number) => `${n.toFixed(0)} MiB`;
      const line =
        `| ${testCase.label} | ${(file.length / 2 ** 20).toFixed(1)} MiB | ${mib(peaks.gateway)} | ${mib(peaks.invite)} | ` +
        `${mib(peaks.hub)} | ${done.toFixed(1)} s | ${(job.summary.invited ?? 0).toLocaleString('en')} |`;
      lines.push(line);
      process.stdout.write(`${line}\n`);
    }
    process.stdout.write(
      `\n| file | size | gateway | invite | hub | upload → job done | invited |\n|---|---|---|---|---|---|---|\n` +
        `${lines.join('\n')}\n\nNODE_OPTIONS: ${describeNodeOptions(PROCESS_NAMES)}\nload average (1/5/15 min) at the end: ${os
          .loadavg()
          .map((n) => n.toFixed(2))
          .join(' / ')}\n`,
    );
  } finally {
    await rpc.close();
    await group.stop();
    await sink.stop();
    await deleteNamespace(env.AMQP_NAMESPACE);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`upload memory benchmark failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
