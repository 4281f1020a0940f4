import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../../scripts/processes';
import { cpuSeconds } from '../process-cpu';
import { parseInviteCsv } from '../../services/invite/src/mass-invites/csv';

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
 * The floor of issue 5, in one process with no services: parse the file (the invite service's own
 * parseInviteCsv, which also normalises), look the addresses up in 1,000-chunks with raw pg, and persist
 * one invite decision per address with INSERT … SELECT FROM unnest into a scratch copy of invite.invites
 * (same columns, constraints and indexes): pending invites with a fresh token hash for the unregistered,
 * accepted rows naming the account for the registered.
 */
async function floor(databaseUrl: string, file: string): Promise<FloorResult> {
  const content = fs.readFileSync(file);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS invite.bench_floor_invites (LIKE invite.invites INCLUDING ALL)');
  await client.query('TRUNCATE invite.bench_floor_invites');
  const hubId = randomUUID();
  const tenancyId = randomUUID();
  const inviterId = randomUUID();
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
  const emails = rows.filter((row) => row.outcome === 'valid').map((row) => row.email!);
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
    const chunk = emails.slice(i, i + WRITE_CHUNK);
    await client.query(
      `INSERT INTO invite.bench_floor_invites (id, hub_id, tenancy_id, hub_name, inviter_account_id, inviter_name,
         email, user_type, status, token_hash, expires_at, accepted_at, accepted_account_id)
       SELECT t.id, $5, $6, 'Floor Hub', $7, 'Bench Admin', t.email, 'EXTERNAL_MEMBER',
         CASE WHEN t.account IS NULL THEN 'pending' ELSE 'accepted' END, t.token_hash, now() + interval '14 days',
         CASE WHEN t.account IS NULL THEN NULL ELSE now() END, t.account
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS t(id, email, token_hash, account)`,
      [
        chunk.map(() => randomUUID()),
        chunk,
        chunk.map(() => createHash('sha256').update(randomBytes(32).toString('base64url')).digest('hex')),
        chunk.map((email) => accountOf.get(email) ?? null),
        hubId,
        tenancyId,
        inviterId,
      ],
    );
  }
  await client.query('COMMIT');
  const end = performance.now();
  const nodeCpu = process.cpuUsage(cpuAtStart.node);
  const backendAtEnd = backendCpu();
  const cpu = {
    node: (nodeCpu.user + nodeCpu.system) / 1e6,
    postgres: backendAtEnd === null || cpuAtStart.postgres === null ? null : backendAtEnd - cpuAtStart.postgres,
  };
  await client.query('DROP TABLE invite.bench_floor_invites');
  await client.end();
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

/** Runs the floor in a child process of its own (its time and memory are then its own), and returns what it measured. */
export function massInviteFloor(databaseUrl: string, file: string): Promise<FloorResult> {
  const runtimePaths = path.join(repoRoot(), 'scripts/runtime-paths.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-r', runtimePaths, __filename, databaseUrl, file],
      { maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`mass-invite floor failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as FloorResult);
      },
    );
  });
}

if (require.main === module) {
  floor(process.argv[2], process.argv[3]).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: Error) => {
      process.stderr.write(error.stack ?? error.message);
      process.exit(1);
    },
  );
}
