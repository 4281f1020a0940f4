import { Client } from 'pg';
import { Arrival } from '../smtp-sink';

/** What one mass-invite run left in the database and at the sink, read to check it and to see who did the work. */
export interface RunRecord {
  hubId: string;
  jobId: string;
  invited: number;
  added: number;
  /** The AMQP namespace: REPLICA_ID is `<namespace>-<label>` (bench-processes.ts). */
  namespace: string;
  /** What reached the sink during the run, or null when the emails were not waited for. */
  arrivals: Arrival[] | null;
}

export interface RunCheck {
  /** Addresses decided more than once (a second invite row for the Hub). */
  duplicateDecisions: number;
  /** Emails beyond the first to the same recipient, or null when the emails were not waited for. */
  duplicateEmails: number | null;
  /** The counts behind both, for the note. */
  detail: string;
  /** Deliveries per notification replica (label → count). */
  deliveriesBy: Record<string, number>;
  /** The invite replica named on the job when it was done (null: released). */
  jobClaimedBy: string | null;
}

/** "<namespace>-notification-2/notification" → "notification-2". */
const replicaOf = (owner: string | null, namespace: string) =>
  owner === null ? '(unclaimed)' : owner.replace(`${namespace}-`, '').replace(/\/[a-z]+$/, '');

/**
 * No address decided twice, no email sent twice, and how the work split: the delivery rows of the run's
 * Hub per `claimed_by` (each notification replica claims deliveries as `REPLICA_ID/notification`), and the
 * invite replica that ran the import job (`import_jobs.claimed_by`; one job runs on one replica).
 */
export async function checkRun(databaseUrl: string, run: RunRecord): Promise<RunCheck> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [invites] = (
      await db.query<{ rows: string; addresses: string }>(
        'SELECT count(*) AS rows, count(DISTINCT lower(email)) AS addresses FROM invite.invites WHERE hub_id = $1',
        [run.hubId],
      )
    ).rows;
    const [members] = (
      await db.query<{ rows: string }>('SELECT count(*) AS rows FROM hub.memberships WHERE hub_id = $1', [run.hubId])
    ).rows;
    const deliveries = await db.query<{ owner: string | null; n: string }>(
      'SELECT claimed_by AS owner, count(*) AS n FROM notification.deliveries WHERE hub_id = $1 GROUP BY claimed_by',
      [run.hubId],
    );
    const [job] = (
      await db.query<{ claimed_by: string | null }>('SELECT claimed_by FROM invite.import_jobs WHERE id = $1', [
        run.jobId,
      ])
    ).rows;
    const recipients = run.arrivals && new Set(run.arrivals.map((arrival) => arrival.to.toLowerCase()));
    const fmt = (n: number | string) => Number(n).toLocaleString('en');
    return {
      duplicateDecisions: Number(invites.rows) - Number(invites.addresses),
      duplicateEmails: run.arrivals && recipients ? run.arrivals.length - recipients.size : null,
      detail:
        `${fmt(invites.rows)} invite rows for ${fmt(invites.addresses)} addresses (job: ${fmt(run.invited)} invited), ` +
        `${fmt(members.rows)} memberships (job: ${fmt(run.added)} added + the Hub's creator)` +
        (run.arrivals && recipients
          ? `; ${fmt(run.arrivals.length)} emails at the sink to ${fmt(recipients.size)} recipients`
          : '; emails not waited for'),
      deliveriesBy: Object.fromEntries(
        deliveries.rows.map((row) => [replicaOf(row.owner, run.namespace), Number(row.n)]),
      ),
      jobClaimedBy: job?.claimed_by ? replicaOf(job.claimed_by, run.namespace) : null,
    };
  } finally {
    await db.end();
  }
}

/** A markdown table: per replica, CPU seconds over the run, peak RSS, and the work it is known to have done. */
export function splitTable(
  title: string,
  cpuSeconds: Record<string, number>,
  peaks: Record<string, number>,
  check: RunCheck,
): string {
  const did = (label: string) =>
    [
      check.jobClaimedBy === label ? 'ran the import job' : '',
      check.deliveriesBy[label] !== undefined ? `${check.deliveriesBy[label].toLocaleString('en')} deliveries` : '',
    ]
      .filter(Boolean)
      .join(', ');
  const labels = Object.keys(cpuSeconds).sort();
  return [
    `### ${title}`,
    '',
    `Import job claimed by: ${check.jobClaimedBy ?? 'none when done (released)'}. ${check.detail}.`,
    '',
    '| replica | CPU s, upload → last email | peak RSS | work |',
    '|---|---|---|---|',
    ...labels.map(
      (label) =>
        `| ${label} | ${cpuSeconds[label].toFixed(1)} | ${peaks[label] !== undefined ? `${peaks[label].toFixed(0)} MiB` : '—'} | ${did(label)} |`,
    ),
  ].join('\n');
}
