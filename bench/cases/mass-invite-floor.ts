import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../../scripts/processes';
import { cpuSeconds } from '../process-cpu';
import { ParsedRow, parseInviteCsv } from '../../services/invite/src/mass-invites/csv';

export interface FloorResult {
  seconds: number;
  parseSeconds: number;
  lookupSeconds: number;
  persistSeconds: number;
  decisions: number;
  registered: number;
  peakRssMiB: number;
  /**
   * CPU seconds from the start to the commit: this process, and the PostgreSQL backend serving it (null
   * when its /proc entry cannot be read: a database on another host or in a container).
   */
  cpuSeconds: { node: number; postgres: number | null };
}

const LOOKUP_CHUNK = 1000; // 5–10k-element ANY arrays make PostgreSQL scan the 1M-row table (issue 5)
const WRITE_CHUNK = 10_000;

/**
 * What the floor writes: the decisions only (`invites`, the floor of issues 5 and 12), or, per address, the
 * rows Gatehouse's decision leads to as well (`same rows`: not a target of issue 12, the figure beside it).
 */
export type FloorWrites = 'invites' | 'same rows';

/**
 * Scratch copies (same columns, defaults and indexes; no foreign keys) of the tables the floor writes. The
 * audit copy's ids come from hub.audit_log's own sequence (a copied default): gaps in a bench database only.
 */
const SCRATCH = {
  invites: ['invite.bench_floor_invites', 'invite.invites'],
  reportRows: ['invite.bench_floor_import_rows', 'invite.import_rows'],
  outbox: ['invite.bench_floor_outbox', 'invite.outbox'],
  audit: ['hub.bench_floor_audit_log', 'hub.audit_log'],
  deliveries: ['notification.bench_floor_deliveries', 'notification.deliveries'],
} as const;

/**
 * The floor of issue 5, in one process with no services: parse the file (the invite service's own
 * parseInviteCsv, which also normalises), look the addresses up in 1,000-chunks with raw pg, and persist
 * one invite decision per address with INSERT … SELECT FROM unnest into a scratch copy of invite.invites
 * (same columns, constraints and indexes): pending invites with a fresh token hash for the unregistered,
 * accepted rows naming the account for the registered.
 *
 * With `same rows`, each chunk also writes what Gatehouse writes per address after its decision, into
 * scratch copies of those tables (same columns, defaults, checks and indexes; no foreign keys), in the same
 * transaction: the report row (invite.import_rows), the audit row (hub.audit_log: "invite.sent", or
 * "invite.member_added" for a registered address), the email (notification.deliveries: the invite, or the
 * "you were added" notice), and two events for the chunk (invite.outbox: the invites with their links, the
 * members added). Each statement writes one kind of row, its shared values sent once, as the services do.
 * Not written, so that it stays a floor: the services' inbox rows, the registered members' memberships
 * (the floor's accepted invite rows stand in for them), their hub-side audit rows and add intents, the
 * hub's event, the relay's "published" marks, the per-row foreign-key checks, and the emails' later updates;
 * and one transaction, where the services commit per chunk of 2,000.
 */
async function floor(databaseUrl: string, file: string, writes: FloorWrites): Promise<FloorResult> {
  const content = fs.readFileSync(file);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const tables = writes === 'invites' ? [SCRATCH.invites] : Object.values(SCRATCH);
  // Made anew each time: one a failed run left behind may predate a migration.
  for (const [scratch, original] of tables) {
    await client.query(`DROP TABLE IF EXISTS ${scratch}`);
    await client.query(`CREATE TABLE ${scratch} (LIKE ${original} INCLUDING ALL)`);
  }
  try {
    return await timedFloor(client, content, writes);
  } finally {
    // Best effort, so that a failure inside the transaction is the error the bench reports.
    await client.query('ROLLBACK').catch(() => undefined);
    for (const [scratch] of tables) await client.query(`DROP TABLE IF EXISTS ${scratch}`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

async function timedFloor(client: Client, content: Buffer, writes: FloorWrites): Promise<FloorResult> {
  const hubId = randomUUID();
  const tenancyId = randomUUID();
  const inviterId = randomUUID();
  const jobId = randomUUID();
  const correlationId = randomUUID();
  const [{ pid: backend }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;

  const backendCpu = () => {
    try {
      return cpuSeconds(backend);
    } catch {
      return null;
    }
  };
  const cpuAtStart = { node: process.cpuUsage(), postgres: backendCpu() };
  const start = performance.now();
  const { rows } = parseInviteCsv(content);
  const valid = rows.filter((row) => row.outcome === 'valid');
  const emails = valid.map((row) => row.email!);
  const parsed = performance.now();

  const accountOf = new Map<string, string>();
  for (let i = 0; i < emails.length; i += LOOKUP_CHUNK) {
    const found = await client.query<{ id: string; email: string }>(
      'SELECT id, email, display_name FROM invite.accounts WHERE email = ANY($1::text[])',
      [emails.slice(i, i + LOOKUP_CHUNK)],
    );
    for (const row of found.rows) accountOf.set(row.email, row.id);
  }
  const looked = performance.now();

  await client.query('BEGIN');
  for (let i = 0; i < emails.length; i += WRITE_CHUNK) {
    const chunk = valid.slice(i, i + WRITE_CHUNK).map((row) => ({
      row,
      email: row.email!,
      inviteId: randomUUID(),
      token: randomBytes(32).toString('base64url'),
      account: accountOf.get(row.email!) ?? null,
    }));
    await client.query(
      `INSERT INTO ${SCRATCH.invites[0]} (id, hub_id, tenancy_id, hub_name, inviter_account_id, inviter_name,
         email, user_type, status, token_hash, expires_at, accepted_at, accepted_account_id)
       SELECT t.id, $5, $6, 'Floor Hub', $7, 'Bench Admin', t.email, 'EXTERNAL_MEMBER',
         CASE WHEN t.account IS NULL THEN 'pending' ELSE 'accepted' END, t.token_hash, now() + interval '14 days',
         CASE WHEN t.account IS NULL THEN NULL ELSE now() END, t.account
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS t(id, email, token_hash, account)`,
      [
        chunk.map((c) => c.inviteId),
        chunk.map((c) => c.email),
        chunk.map((c) => createHash('sha256').update(c.token).digest('hex')),
        chunk.map((c) => c.account),
        hubId,
        tenancyId,
        inviterId,
      ],
    );
    if (writes === 'same rows')
      await writeWhatFollows(client, chunk, { hubId, tenancyId, inviterId, jobId, correlationId });
  }
  await client.query('COMMIT');
  const end = performance.now();
  const nodeCpu = process.cpuUsage(cpuAtStart.node);
  const backendAtEnd = backendCpu();
  const cpu = {
    node: (nodeCpu.user + nodeCpu.system) / 1e6,
    postgres: backendAtEnd === null || cpuAtStart.postgres === null ? null : backendAtEnd - cpuAtStart.postgres,
  };
  return {
    seconds: (end - start) / 1000,
    parseSeconds: (parsed - start) / 1000,
    lookupSeconds: (looked - parsed) / 1000,
    persistSeconds: (end - looked) / 1000,
    decisions: emails.length,
    registered: accountOf.size,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: cpu,
  };
}

interface FloorDecision {
  row: ParsedRow;
  email: string;
  inviteId: string;
  token: string;
  account: string | null;
}

const SCRATCH_BASE_URL = 'http://127.0.0.1:3000';
const USER_TYPE = 'EXTERNAL_MEMBER';

/**
 * What follows each kind of decision, as the services write it: the event that says it, the audit row it
 * becomes, and the email with its template's variables (delivery-plans.ts).
 */
const FOLLOWS = {
  invited: {
    event: 'invite.invite.created',
    list: 'invites',
    action: 'invite.sent',
    template: 'invite',
    item: (c: FloorDecision, expiresAt: string) => ({
      inviteId: c.inviteId,
      email: c.email,
      acceptUrl: `${SCRATCH_BASE_URL}/accept?token=${c.token}`,
      expiresAt,
    }),
    details: (c: FloorDecision, expiresAt: string, occurredAt: string) => ({
      inviteId: c.inviteId,
      userType: USER_TYPE,
      expiresAt,
      occurredAt,
    }),
    vars: (c: FloorDecision, expiresAt: string) => ({
      hubName: 'Floor Hub',
      inviterName: 'Bench Admin',
      inviteeEmail: c.email,
      acceptUrl: `${SCRATCH_BASE_URL}/accept?token=${c.token}`,
      expiresAt,
      userType: USER_TYPE,
      inviteId: c.inviteId,
    }),
  },
  added: {
    event: 'invite.member.added',
    list: 'members',
    action: 'invite.member_added',
    template: 'member-added',
    item: (c: FloorDecision) => ({ accountId: c.account, email: c.email }),
    details: (c: FloorDecision, _expiresAt: string, occurredAt: string) => ({
      accountId: c.account,
      userType: USER_TYPE,
      occurredAt,
    }),
    vars: (c: FloorDecision) => ({
      hubName: 'Floor Hub',
      memberEmail: c.email,
      userType: USER_TYPE,
      signInUrl: `${SCRATCH_BASE_URL}/`,
      addedByName: 'Bench Admin',
    }),
  },
};

/** The rows Gatehouse writes per address after deciding it (see `floor`), in raw SQL. */
async function writeWhatFollows(
  client: Client,
  chunk: FloorDecision[],
  ids: { hubId: string; tenancyId: string; inviterId: string; jobId: string; correlationId: string },
): Promise<void> {
  const { jobId, correlationId, ...payloadIds } = ids;
  const occurredAt = new Date().toISOString();
  const expiresAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  await client.query(
    `INSERT INTO ${SCRATCH.reportRows[0]} (job_id, line, raw_value, email, outcome, reason)
     SELECT $1, t.line, t.raw, t.email, t.outcome, NULL FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS t(line, raw, email, outcome)
     ON CONFLICT DO NOTHING`,
    [
      jobId,
      chunk.map((c) => c.row.line),
      chunk.map((c) => c.row.raw),
      chunk.map((c) => c.email),
      chunk.map((c) => (c.account ? 'added' : 'invited')),
    ],
  );
  for (const [outcome, follows] of Object.entries(FOLLOWS)) {
    const decided = chunk.filter((c) => (c.account ? 'added' : 'invited') === outcome);
    if (decided.length === 0) continue;
    const eventId = randomUUID();
    await client.query(
      `INSERT INTO ${SCRATCH.outbox[0]} (id, event_name, payload, correlation_id) VALUES ($1, $2, $3::jsonb, $4)`,
      [
        eventId,
        follows.event,
        JSON.stringify({
          ...payloadIds,
          hubName: 'Floor Hub',
          inviterName: 'Bench Admin',
          userType: USER_TYPE,
          [follows.list]: decided.map((c) => follows.item(c, expiresAt)),
        }),
        correlationId,
      ],
    );
    // As OutboxWriter wakes its relay, on a channel nobody listens to.
    await client.query('SELECT pg_notify($1, $2)', ['bench_floor_outbox', '']);
    await client.query(
      `INSERT INTO ${SCRATCH.audit[0]} (tenancy_id, hub_id, actor_account_id, action, subject, correlation_id, source_event_id, details)
       SELECT $1, $2, $3, $4, t.subject, $5, $6, t.details
       FROM ROWS FROM (unnest($7::text[]), jsonb_array_elements($8::jsonb)) AS t(subject, details)`,
      [
        ids.tenancyId,
        ids.hubId,
        ids.inviterId,
        follows.action,
        correlationId,
        eventId,
        decided.map((c) => c.email),
        JSON.stringify(decided.map((c) => follows.details(c, expiresAt, occurredAt))),
      ],
    );
    await client.query(
      `INSERT INTO ${SCRATCH.deliveries[0]} (event_id, recipient, template, vars, tenancy_id, hub_id, correlation_id)
       SELECT $1, t.recipient, $2, t.vars, $3, $4, $5
       FROM ROWS FROM (unnest($6::text[]), jsonb_array_elements($7::jsonb)) AS t(recipient, vars)
       ON CONFLICT DO NOTHING`,
      [
        eventId,
        follows.template,
        ids.tenancyId,
        ids.hubId,
        correlationId,
        decided.map((c) => c.email),
        JSON.stringify(decided.map((c) => follows.vars(c, expiresAt))),
      ],
    );
  }
}

/** Runs the floor in a child process of its own (its time and memory are then its own), and returns what it measured. */
export function massInviteFloor(
  databaseUrl: string,
  file: string,
  writes: FloorWrites = 'invites',
): Promise<FloorResult> {
  const runtimePaths = path.join(repoRoot(), 'scripts/runtime-paths.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', runtimePaths, __filename, databaseUrl, file, writes],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`mass-invite floor failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as FloorResult);
      },
    );
  });
}

const isFloorWrites = (value: string | undefined): value is FloorWrites => value === 'invites' || value === 'same rows';

if (require.main === module) {
  const [databaseUrl, file, writes] = process.argv.slice(2);
  if (!isFloorWrites(writes)) throw new Error(`what the floor writes: "invites" or "same rows", not ${writes}`);
  floor(databaseUrl, file, writes).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: Error) => {
      process.stderr.write(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
