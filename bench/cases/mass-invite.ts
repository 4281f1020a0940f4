import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Actor, HUB_PATTERNS, ImportJobView } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { ProcessGroup, pollUntil, repoRoot } from '../../scripts/processes';
import { CpuUse } from '../process-cpu';
import { PeakMemory } from '../process-memory';
import { Figure } from '../report';
import { BenchSmtpSink } from '../smtp-sink';
import { massInviteFloor } from './mass-invite-floor';

export interface MassInviteSetup {
  /** hub and invite already running; notification and gateway are started here. */
  group: ProcessGroup;
  env: Record<string, string>;
  ports: { notification: number; gateway: number };
  rpc: RpcClient;
  databaseUrl: string;
  actor: Actor;
  password: string;
  tenancyId: string;
  /** Emails/s of nodemailer alone measured earlier in the run, if it was. */
  nodemailerPerSecond: number | null;
}

const REGISTERED_EVERY = 10;
/**
 * BENCH_EMAILS=skip: the run does not wait for the emails (the decisions alone, for quicker iterations on
 * them); the email figures are left out of the report, and notification goes on sending while the floor runs.
 */
const WAIT_FOR_EMAILS = process.env.BENCH_EMAILS !== 'skip';
const isInvitee = (to: string) => to.startsWith('user-');
const isNotice = (to: string) => to.startsWith('registered-');
const fmt = (n: number) => n.toLocaleString('en');
const cpuFigures = (seconds: Record<string, number>) =>
  Object.entries(seconds)
    .map(([name, value]) => `${name} ${value.toFixed(1)}`)
    .join(', ');

/** The generator's file: ROWS addresses, every 10th registered-<i>@example.com (seeded as accounts). */
function generateFile(rows: number): string {
  const file = path.join(os.tmpdir(), `gatehouse-bench-${rows}.csv`);
  const generator = path.resolve(repoRoot(), 'test/fixtures/gen-emails.mjs');
  const csv = execFileSync(
    process.execPath,
    [generator, String(rows), '--registered-every', String(REGISTERED_EVERY)],
    {
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  fs.writeFileSync(file, csv);
  return file;
}

async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function upload(base: string, token: string, hubId: string, file: string): Promise<ImportJobView> {
  const form = new FormData();
  form.append('userType', 'EXTERNAL_MEMBER');
  form.append('file', new Blob([fs.readFileSync(file)], { type: 'text/csv' }), path.basename(file));
  const response = await fetch(`${base}/api/v1/hubs/${hubId}/invite-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 202) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return (await response.json()) as ImportJobView;
}

/** Polls the job row (cheap, 20 ms) and notes when parsing ended and when the job was done. */
async function waitForJob(db: Client, jobId: string, start: number, timeoutMs: number) {
  let parsedAt: number | null = null;
  return pollUntil(
    async () => {
      const { rows } = await db.query<{ status: string }>('SELECT status FROM invite.import_jobs WHERE id = $1', [
        jobId,
      ]);
      const status = rows[0]?.status;
      if (parsedAt === null && (status === 'running' || status === 'done')) parsedAt = performance.now();
      if (status === 'failed') throw new Error(`import ${jobId} failed`);
      return status === 'done' && { parsed: (parsedAt! - start) / 1000, done: (performance.now() - start) / 1000 };
    },
    `import ${jobId} to finish`,
    { timeoutMs, intervalMs: 20 },
  );
}

/** When the first and the last invite email reached the sink, once all emails did. */
async function waitForEmails(sink: BenchSmtpSink, invited: number, added: number) {
  const invites = await sink.waitFor(invited, isInvitee, 600_000);
  await sink.waitFor(added, isNotice, 60_000);
  return { first: invites[0].at, last: invites[invites.length - 1].at };
}

async function runOne(
  setup: MassInviteSetup,
  base: string,
  token: string,
  sink: BenchSmtpSink,
  rows: number,
  index: number,
) {
  const file = generateFile(rows);
  const hub = await setup.rpc.call(HUB_PATTERNS.HUB_CREATE, {
    actor: setup.actor,
    tenancyId: setup.tenancyId,
    name: `Mass ${index + 1}: ${rows} rows`,
  });
  const db = new Client({ connectionString: setup.databaseUrl });
  await db.connect();
  sink.reset();
  const memory = new PeakMemory(setup.group.started);
  memory.start();
  const cpu = new CpuUse(setup.group.started, new URL(setup.databaseUrl).pathname.slice(1));
  const start = performance.now();
  const job = await upload(base, token, hub.id, file);
  const accepted = (performance.now() - start) / 1000;
  const times = await waitForJob(db, job.id, start, 600_000);
  const cpuSeconds = cpu.stop();
  await db.end();
  const done = (await (
    await fetch(`${base}/api/v1/invite-imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as ImportJobView;
  const invited = done.summary.invited ?? 0;
  const added = done.summary.added ?? 0;
  const emails = WAIT_FOR_EMAILS ? await waitForEmails(sink, invited, added) : null;
  const peaks = memory.stop();
  const floor = await massInviteFloor(setup.databaseUrl, file);
  fs.rmSync(file, { force: true });
  return {
    jobId: job.id,
    /** CPU seconds per process from the upload until the job was done. */
    cpuSeconds,
    rows,
    accepted,
    ...times,
    invited,
    added,
    summary: done.summary,
    emails: emails && {
      lastInvite: (emails.last - start) / 1000,
      firstInvite: (emails.first - start) / 1000,
      perSecond: invited / ((emails.last - emails.first) / 1000),
    },
    peaks,
    floor,
  };
}

type Run = Awaited<ReturnType<typeof runOne>>;

function emailFigures(
  run: Run,
  emails: NonNullable<Run['emails']>,
  label: string,
  nodemailerPerSecond: number | null,
): Figure[] {
  return [
    {
      case: label,
      metric: 'invite emails/s (first → last at the sink)',
      value: emails.perSecond,
      unit: 'emails/s',
      floor: nodemailerPerSecond ? { label: 'nodemailer alone (email case)', value: nodemailerPerSecond } : null,
      target: '≥ 1,500 emails/s',
      note: `first invite email ${emails.firstInvite.toFixed(2)} s after the upload`,
    },
    {
      case: label,
      metric: 'upload → last invite email at the sink',
      value: emails.lastInvite,
      unit: 's',
      floor: nodemailerPerSecond
        ? {
            label: 'floor decisions + invites ÷ nodemailer-alone rate',
            value: run.floor.seconds + run.invited / nodemailerPerSecond,
          }
        : null,
      note: `${fmt(run.invited)} invite emails and ${fmt(run.added)} "you were added" notices`,
    },
  ];
}

function figures(run: Run, nodemailerPerSecond: number | null): Figure[] {
  const label = `mass invite ${fmt(run.rows)} rows (HTTP upload, 1M accounts, 10% registered)`;
  const big = run.rows >= 100_000;
  const floorLabel = 'one process: parse, 1k-chunk lookups, INSERT … unnest';
  const others = Object.entries(run.peaks)
    .filter(([name]) => name !== 'invite')
    .map(([name, mib]) => `${name} ${mib.toFixed(0)} MiB`)
    .join(', ');
  return [
    {
      case: label,
      metric: 'upload → all decisions persisted',
      value: run.done,
      unit: 's',
      floor: { label: floorLabel, value: run.floor.seconds },
      target: big ? '≤ 2.5 s' : undefined,
      note:
        `202 after ${run.accepted.toFixed(2)} s, parsed and stored after ${run.parsed.toFixed(2)} s; ` +
        `${fmt(run.invited)} invited, ${fmt(run.added)} added; floor: parse ${run.floor.parseSeconds.toFixed(2)} s, ` +
        `lookups ${run.floor.lookupSeconds.toFixed(2)} s, persist ${run.floor.persistSeconds.toFixed(2)} s; ` +
        `CPU s until done: ${cpuFigures(run.cpuSeconds)}`,
    },
    {
      case: label,
      metric: 'rows/s',
      value: run.rows / run.done,
      unit: 'rows/s',
      floor: { label: floorLabel, value: run.rows / run.floor.seconds },
    },
    ...(run.emails ? emailFigures(run, run.emails, label, nodemailerPerSecond) : []),
    {
      case: label,
      metric: 'peak RSS, invite service',
      value: run.peaks.invite,
      unit: 'MiB',
      floor: { label: 'the one-process floor', value: run.floor.peakRssMiB },
      target: '≤ 256 MB',
      note: `others: ${others}`,
    },
  ];
}

/**
 * Issue 5 through the real system: all four processes (notification sending to a local SMTP sink), a
 * signed-in Hub admin uploads the generated file over HTTP into a fresh Hub; measured until the job is
 * done and until the last invite email reached the sink, with each process's peak RSS, beside the
 * one-process floor run on the same file.
 */
export async function massInvite(setup: MassInviteSetup, sizes: number[]): Promise<Figure[]> {
  const sink = await BenchSmtpSink.start();
  try {
    await setup.group.start('notification', setup.ports.notification, {
      ...setup.env,
      SMTP_URL: sink.url,
      MAIL_RATE_PER_SECOND: '100000',
    });
    await setup.group.start('gateway', setup.ports.gateway, setup.env);
    const base = `http://127.0.0.1:${setup.ports.gateway}`;
    const token = await signIn(base, setup.actor.email, setup.password);
    const result: Figure[] = [];
    for (const [index, rows] of sizes.entries()) {
      process.stdout.write(`  ${fmt(rows)} rows…\n`);
      const run = await runOne(setup, base, token, sink, rows, index);
      process.stdout.write(
        `  job ${run.jobId} done in ${run.done.toFixed(2)} s (floor ${run.floor.seconds.toFixed(2)} s), ` +
          (run.emails
            ? `last invite email at ${run.emails.lastInvite.toFixed(2)} s, ${run.emails.perSecond.toFixed(0)} emails/s, `
            : 'emails not waited for, ') +
          `CPU s until done ${cpuFigures(run.cpuSeconds)}, RSS ` +
          `${Object.entries(run.peaks)
            .map(([n, v]) => `${n} ${v.toFixed(0)}`)
            .join(' / ')} MiB\n`,
      );
      result.push(...figures(run, setup.nodemailerPerSecond));
    }
    return result;
  } finally {
    await setup.group.stop('gateway');
    await setup.group.stop('notification');
    await sink.stop();
  }
}
