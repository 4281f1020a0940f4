import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Actor, HUB_PATTERNS, ImportJobView } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { PROCESS_NAMES, pollUntil, repoRoot } from '../../scripts/processes';
import { BenchProcesses } from '../bench-processes';
import { CpuUse } from '../process-cpu';
import { PeakMemory } from '../process-memory';
import { Figure } from '../report';
import { BenchSmtpSink } from '../smtp-sink';
import { ISSUE_TARGETS, Target, indicative } from '../targets';
import { massInviteFloor } from './mass-invite-floor';
import { checkRun, splitTable } from './replica-split';

export interface MassInviteSetup {
  /** hub and invite already running (one replica each); the other replicas, notification and gateway are started here. */
  processes: BenchProcesses;
  env: Record<string, string>;
  rpc: RpcClient;
  /** Accounts seeded (every 10th row of the file is one of them). */
  accounts: number;
  databaseUrl: string;
  actor: Actor;
  password: string;
  tenancyId: string;
  /** Emails/s of nodemailer alone measured earlier in the run, if it was. */
  nodemailerPerSecond: number | null;
}

const REGISTERED_EVERY = 10;
/** How long to keep listening at the sink after the last expected email, for duplicates. */
const DUPLICATE_GRACE_MS = 2000;
/** The file size at which issue #12 states its targets. */
const TARGET_ROWS = 100_000;
/**
 * BENCH_EMAILS=skip: the run does not wait for the emails (the decisions alone, for quicker iterations on
 * them); the email figures are left out of the report, and the notification processes, still sending, are
 * stopped while the floors run.
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
  // Named by process too: two benchmarks side by side (BENCH_DATABASE) must not rewrite each other's file.
  const file = path.join(os.tmpdir(), `gatehouse-bench-${process.pid}-${rows}.csv`);
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

/**
 * When the first and the last invite email reached the sink, once all emails did; then a short grace, so
 * that an email sent twice (by two replicas) has time to arrive and be counted.
 */
async function waitForEmails(sink: BenchSmtpSink, invited: number, added: number) {
  const invites = await sink.waitFor(invited, isInvitee, 600_000);
  await sink.waitFor(added, isNotice, 60_000);
  const last = invites[invites.length - 1].at;
  await new Promise((resolve) => setTimeout(resolve, DUPLICATE_GRACE_MS));
  return { first: invites[0].at, last, arrivals: [...sink.arrivals] };
}

/** How the bench runs the notification service: sending to the bench's sink, with no rate limit of its own. */
const notificationEnv = (sink: BenchSmtpSink) => ({ SMTP_URL: sink.url, MAIL_RATE_PER_SECOND: '100000' });

/**
 * Runs `work` (the floors) with the notification processes stopped when the run did not wait for the
 * emails (BENCH_EMAILS=skip): otherwise they would still be sending, and the floors would share the cores
 * with them where Gatehouse's figure did not. They stop gracefully (their claims released, their broker
 * connections closed) and start again afterwards, to send the rest. With the emails waited for, there is
 * nothing left to stop.
 */
async function withoutEmailsSending<T>(
  processes: BenchProcesses,
  sink: BenchSmtpSink,
  work: () => Promise<T>,
): Promise<T> {
  if (WAIT_FOR_EMAILS) return work();
  const replicas = processes.replicas('notification').length;
  await processes.scale('notification', 0);
  try {
    return await work();
  } finally {
    await processes.scale('notification', replicas, notificationEnv(sink));
  }
}

/**
 * When the last of the rows the decisions lead to outside the invite service was written — each address's
 * audit row (hub) and email (notification), which their consumers write from the job's events, possibly
 * after the job is done — in seconds after the upload: the job's `done` plus how far the last such row's
 * created_at lies past the job's finished_at (the database's clock on both sides). Waits until all exist.
 */
async function followingRowsWritten(databaseUrl: string, hubId: string, jobId: string, expected: number, done: number) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const counted = async () => {
      const { rows } = await db.query<{ audit: number; deliveries: number; last: Date | null; finished: Date }>(
        `SELECT a.n AS audit, d.n AS deliveries, greatest(a.last, d.last) AS last, j.finished_at AS finished
         FROM (SELECT count(*)::int AS n, max(created_at) AS last FROM hub.audit_log
                WHERE hub_id = $1 AND action IN ('invite.sent', 'invite.member_added')) a,
              (SELECT count(*)::int AS n, max(created_at) AS last FROM notification.deliveries WHERE hub_id = $1) d,
              invite.import_jobs j
         WHERE j.id = $2`,
        [hubId, jobId],
      );
      return rows[0];
    };
    const all = await pollUntil(
      async () => {
        const now = await counted();
        return now.audit >= expected && now.deliveries >= expected && now;
      },
      `the audit rows and emails of import ${jobId}`,
      { timeoutMs: 600_000, intervalMs: 250 },
    );
    const lag = Math.max(0, (all.last!.getTime() - all.finished.getTime()) / 1000);
    return { seconds: done + lag, lag };
  } finally {
    await db.end();
  }
}

/** Per replica label ("invite-2"): the processes as CpuUse and PeakMemory read them. */
const byLabel = (processes: BenchProcesses) =>
  processes.group.started.map((p) => ({ name: p.label, label: p.label, child: p.child }));

async function runOne(
  setup: MassInviteSetup,
  base: string,
  token: string,
  sink: BenchSmtpSink,
  rows: number,
  replicas: number,
) {
  const file = generateFile(rows);
  const hub = await setup.rpc.call(HUB_PATTERNS.HUB_CREATE, {
    actor: setup.actor,
    tenancyId: setup.tenancyId,
    name: `Mass: ${rows} rows, ${replicas} replica(s)`,
  });
  const db = new Client({ connectionString: setup.databaseUrl });
  await db.connect();
  sink.reset();
  const database = new URL(setup.databaseUrl).pathname.slice(1);
  const memory = new PeakMemory(setup.processes.group.started);
  memory.start();
  const cpu = new CpuUse(byLabel(setup.processes), database);
  const cpuWhole = new CpuUse(byLabel(setup.processes), database);
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
  const cpuUntilEmails = cpuWhole.stop();
  const check = await checkRun(setup.databaseUrl, {
    hubId: hub.id,
    jobId: job.id,
    invited,
    added,
    namespace: setup.env.AMQP_NAMESPACE,
    arrivals: emails?.arrivals ?? null,
  });
  // Before the floors: they must not share the machine with the consumers writing these rows.
  const followingRows = await followingRowsWritten(setup.databaseUrl, hub.id, job.id, invited + added, times.done);
  const { floor, sameRowsFloor } = await withoutEmailsSending(setup.processes, sink, async () => ({
    floor: await massInviteFloor(setup.databaseUrl, file),
    sameRowsFloor: await massInviteFloor(setup.databaseUrl, file, 'same rows'),
  }));
  fs.rmSync(file, { force: true });
  return {
    jobId: job.id,
    replicas,
    accounts: setup.accounts,
    /** CPU seconds per replica (and PostgreSQL) from the upload until the job was done. */
    cpuSeconds,
    /** The same until the last email (or until the job was done, when the emails were not waited for). */
    cpuUntilEmails,
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
    check,
    floor,
    sameRowsFloor,
    followingRows,
  };
}

type Run = Awaited<ReturnType<typeof runOne>>;

/** The issue's target for a figure of this run: stated at 100k rows, only indicative at other sizes. */
const targetAt = (run: Run, target: Target) =>
  run.rows === TARGET_ROWS ? target : indicative(target, `the issue states it at ${fmt(TARGET_ROWS)} rows`);

const caseLabel = (run: Run) =>
  `mass invite ${fmt(run.rows)} rows, ${run.replicas === 1 ? 'one replica' : `${run.replicas} replicas`} of each process ` +
  `(HTTP upload, ${fmt(run.accounts)} accounts, 10% registered)`;

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
      target: targetAt(run, ISSUE_TARGETS.importEmailRate),
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
      target: targetAt(run, ISSUE_TARGETS.lastInviteEmail),
      note: `${fmt(run.invited)} invite emails and ${fmt(run.added)} "you were added" notices`,
    },
  ];
}

/** Peak RSS of each process: the highest of its replicas, every replica in the note. */
function memoryFigures(run: Run, label: string): Figure[] {
  return PROCESS_NAMES.map((name) => {
    const replicas = Object.entries(run.peaks).filter(
      ([replica]) => replica === name || replica.startsWith(`${name}-`),
    );
    return {
      case: label,
      metric: `peak RSS, ${name}`,
      value: Math.max(...replicas.map(([, mib]) => mib)),
      unit: 'MiB',
      floor: name === 'invite' ? { label: 'the one-process floor', value: run.floor.peakRssMiB } : null,
      target: targetAt(run, ISSUE_TARGETS.peakRss),
      note:
        replicas.length > 1
          ? replicas.map(([replica, mib]) => `${replica} ${mib.toFixed(0)} MiB`).join(', ')
          : 'upload → last email',
    };
  });
}

function figures(run: Run, nodemailerPerSecond: number | null): Figure[] {
  const label = caseLabel(run);
  const floorLabel = 'one process: parse, 1k-chunk lookups, INSERT … unnest';
  const duplicates = run.check.duplicateDecisions + (run.check.duplicateEmails ?? 0);
  return [
    {
      case: label,
      metric: 'upload → all decisions persisted',
      value: run.done,
      unit: 's',
      floor: { label: floorLabel, value: run.floor.seconds },
      target: targetAt(run, ISSUE_TARGETS.decisions),
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
    cpuBound(run, label),
    {
      case: label,
      metric: 'upload → every decision and the audit row and email it leads to written',
      value: run.followingRows.seconds,
      unit: 's',
      floor: {
        label: 'the floor, also writing per address its report row, audit row and email, and the events of each chunk',
        value: run.sameRowsFloor.seconds,
      },
      note:
        `no target (the issue's floor writes the invites only): what the decisions are against the rows they ` +
        `lead to, as bulk add's floor was restated; the last audit row or email was written ` +
        `${run.followingRows.lag.toFixed(2)} s after the job was done; that floor used ` +
        `${run.sameRowsFloor.cpuSeconds.node.toFixed(1)} (node) + ` +
        `${run.sameRowsFloor.cpuSeconds.postgres?.toFixed(1) ?? '?'} (postgres) CPU s`,
    },
    ...(run.emails ? emailFigures(run, run.emails, label, nodemailerPerSecond) : []),
    ...memoryFigures(run, label),
    {
      case: label,
      metric: 'addresses decided twice + emails sent twice',
      value: duplicates,
      unit: 'duplicates',
      floor: null,
      target: ISSUE_TARGETS.duplicates,
      note: run.check.detail,
    },
  ];
}

/**
 * What the CPU allows: all the CPU seconds the system spent from the upload until the job was done (every
 * process, PostgreSQL's backends, the broker), spread over all cores, is the least time that work could
 * take on this machine — beside the floor, which does its work in one process and one backend. It counts
 * work that runs beside the decisions without being needed for them (the notification service's, the hub's
 * audit of the events): a ratio above the decisions' target here means the target cannot be met while that
 * work runs alongside, whatever the order of the rest.
 */
function cpuBound(run: Run, label: string): Figure {
  const cores = os.availableParallelism();
  const sum = (entries: [string, number][]) => entries.reduce((total, [, seconds]) => total + seconds, 0);
  const all = Object.entries(run.cpuSeconds);
  const total = sum(all);
  const notificationCpu = sum(all.filter(([name]) => name.startsWith('notification')));
  const floorCpu = run.floor.cpuSeconds;
  const floorBackend =
    floorCpu.postgres === null ? 'its backend not readable' : `${floorCpu.postgres.toFixed(1)} (postgres)`;
  return {
    case: label,
    metric: 'least time the CPU spent until done allows (CPU s ÷ cores)',
    value: total / cores,
    unit: 's',
    floor: { label: "the floor's wall time", value: run.floor.seconds },
    note:
      `${total.toFixed(1)} CPU s on ${cores} cores, ${notificationCpu.toFixed(1)} of them the notification service's ` +
      `(emails already going out; its PostgreSQL and broker work not separated); without it ` +
      `${((total - notificationCpu) / cores).toFixed(2)} s; the floor used ${floorCpu.node.toFixed(1)} (node) + ` +
      `${floorBackend} CPU s`,
  };
}

/** How many replicas of each process, and which file sizes to upload with them. */
export interface ReplicaPlan {
  replicas: number;
  rows: number[];
}

/**
 * Issue 5 through the real system: all four processes (notification sending to a local SMTP sink), a
 * signed-in Hub admin uploads the generated file over HTTP into a fresh Hub; measured until the job is
 * done and until the last invite email reached the sink, with each replica's peak RSS and CPU, beside the
 * one-process floor run on the same file. Issue 12: the same with N replicas of every process (hub,
 * invite, notification, gateway) on one broker and database, checked for duplicates, with how the work
 * split. The file goes up through the first gateway (one upload is one HTTP request).
 */
export async function massInvite(
  setup: MassInviteSetup,
  plans: ReplicaPlan[],
): Promise<{ figures: Figure[]; sections: string[] }> {
  const sink = await BenchSmtpSink.start();
  const { processes } = setup;
  const result = { figures: [] as Figure[], sections: [] as string[] };
  try {
    for (const { replicas, rows: sizes } of plans) {
      process.stdout.write(`  ${replicas} replica(s) of each process…\n`);
      await processes.scale('hub', replicas);
      await processes.scale('invite', replicas);
      await processes.scale('notification', replicas, notificationEnv(sink));
      await processes.scale('gateway', replicas);
      const base = `http://127.0.0.1:${processes.port('gateway')}`;
      const token = await signIn(base, setup.actor.email, setup.password);
      for (const rows of sizes) {
        process.stdout.write(`  ${fmt(rows)} rows…\n`);
        const run = await runOne(setup, base, token, sink, rows, replicas);
        process.stdout.write(
          `  job ${run.jobId} done in ${run.done.toFixed(2)} s (floor ${run.floor.seconds.toFixed(2)} s), ` +
            (run.emails
              ? `last invite email at ${run.emails.lastInvite.toFixed(2)} s, ${run.emails.perSecond.toFixed(0)} emails/s, `
              : 'emails not waited for, ') +
            `CPU s until done ${cpuFigures(run.cpuSeconds)}, RSS ` +
            `${Object.entries(run.peaks)
              .map(([n, v]) => `${n} ${v.toFixed(0)}`)
              .join(' / ')} MiB; ${run.check.detail}\n`,
        );
        result.figures.push(...figures(run, setup.nodemailerPerSecond));
        result.sections.push(splitTable(`Work split: ${caseLabel(run)}`, run.cpuUntilEmails, run.peaks, run.check));
      }
    }
    return result;
  } finally {
    // hub and invite replicas are stopped with the rest of the run.
    await processes.scale('gateway', 0);
    await processes.scale('notification', 0);
    await sink.stop();
  }
}
