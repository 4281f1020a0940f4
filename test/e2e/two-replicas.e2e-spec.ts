import { ImportJobView } from '@gatehouse/contracts';
import { repoRoot, GatehouseSystem, HttpTestClient, TenantAdminFixture, queryTestDb } from '@gatehouse/testing';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Two replicas of every process on one RabbitMQ and PostgreSQL, as production runs them (issue #12): two
 * mass invites uploaded at once through the two gateways, while the same addresses are also invited one
 * by one through both gateways. Replicas compete for RPC requests and events (one queue each), for
 * import jobs (a claim with a lease), for outbox rows (each relay locks what it publishes) and for
 * deliveries (FOR UPDATE SKIP LOCKED). Whatever the interleaving: every address gets exactly one decision
 * and exactly one email, and both notification replicas did part of the sending.
 */
const ROWS_PER_FILE = 2_500;
/** Addresses of the second file that are also invited individually while the imports run. */
const ALSO_INVITED_ONE_BY_ONE = 60;
/** Deadlines for background work on a busy 2-core machine running eight processes (never speed checks). */
const JOB_DEADLINE_MS = 240_000;
const EMAIL_DEADLINE_MS = 300_000;

describe('two replicas of every process', () => {
  const system = new GatehouseSystem({
    label: 'e2e-replicas',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    replicas: { hub: 2, invite: 2, notification: 2, gateway: 2 },
    // Eight processes on two cores: an answer may take longer than the usual test deadline of 5 s.
    env: { SIGN_IN_RATE_LIMIT: '1000', RPC_TIMEOUT_MS: '30000' },
    envFor: { notification: { MAIL_RATE_PER_SECOND: '5000' } },
  });
  let ada: TenantAdminFixture;
  let hubId: string;
  let gateways: HttpTestClient[];
  /** The rows of both files (no header), and which addresses have accounts. */
  let files: string[][];
  let registered: Set<string>;

  beforeAll(async () => {
    await system.start();
    gateways = [system.http, system.httpOf('gateway-2')];
    const generator = path.resolve(repoRoot(), 'test/fixtures/gen-emails.mjs');
    const lines = execFileSync(process.execPath, [generator, String(2 * ROWS_PER_FILE), '--registered-every', '7'], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .slice(1);
    files = [lines.slice(0, ROWS_PER_FILE), lines.slice(ROWS_PER_FILE)];
    registered = new Set(lines.map(addressOf).filter((email) => email.startsWith('registered-')));
    await queryTestDb(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(), email, 'Registered ' || split_part(email, '@', 1), 'seeded: no sign-in', now()
       FROM unnest($1::text[]) AS email`,
      [[...registered]],
    );
    ada = await system.createTenantAdmin({
      email: 'ada.admin@acme.example',
      displayName: 'Ada Admin',
      password: 'correct horse battery staple',
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(ada, 'Osprey');
  }, 240_000);
  afterAll(() => system.stop());

  it('decides and emails every address exactly once, with the work shared between the replicas', async () => {
    // Both uploads and the individual invites at once, half through each gateway.
    const uploads = files.map(async (rows, index) => {
      const form = new FormData();
      form.append('userType', 'TEAM_MEMBER');
      form.append('file', new Blob([['Email,First name,Last name', ...rows].join('\n')]), `part-${index + 1}.csv`);
      const accepted = await gateways[index].call('POST', `/api/v1/hubs/${hubId}/invite-imports`, {
        token: ada.token,
        multipart: form,
      });
      expect(accepted.status).toBe(202);
      return accepted.body.id as string;
    });
    const oneByOne = files[1]
      .map(addressOf)
      .filter((email) => !registered.has(email))
      .slice(0, ALSO_INVITED_ONE_BY_ONE);
    const individual = oneByOne.map((email, index) =>
      gateways[index % 2].call('POST', `/api/v1/hubs/${hubId}/invites`, {
        token: ada.token,
        json: { email, userType: 'TEAM_MEMBER' },
      }),
    );
    const [jobIds, answers] = await Promise.all([Promise.all(uploads), Promise.all(individual)]);
    for (const answer of answers) {
      // Either this request or the import decided first; both are answers, never an error (`invited`
      // with emailSent false: it was pending already).
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([201, undefined, undefined]);
      expect(answer.body.outcome).toBe('invited');
    }

    const jobs = await Promise.all(jobIds.map((jobId, index) => finished(jobId, gateways[index])));
    const all = [...files[0], ...files[1]].map(addressOf);
    const newcomers = all.filter((email) => !registered.has(email));
    // Each address is invited once: by its file, or by the individual request that came first (the file's
    // row then reads "already invited").
    const decided = jobs.map((job) => job.summary);
    expect(decided.reduce((sum, summary) => sum + (summary.added ?? 0), 0)).toBe(registered.size);
    const invitedByImports = decided.reduce((sum, summary) => sum + (summary.invited ?? 0), 0);
    const invitedOneByOne = answers.filter((answer) => answer.body.emailSent === true).length;
    expect(invitedByImports + invitedOneByOne).toBe(newcomers.length);

    // PostgreSQL: one pending invite per newcomer, one membership per registered account (+ Ada).
    const [{ invites, addresses }] = await queryTestDb<{ invites: string; addresses: string }>(
      `SELECT count(*) AS invites, count(DISTINCT lower(email)) AS addresses FROM invite.invites
       WHERE hub_id = $1 AND status = 'pending'`,
      [hubId],
    );
    expect([Number(invites), Number(addresses)]).toEqual([newcomers.length, newcomers.length]);
    const [{ members }] = await queryTestDb<{ members: string }>(
      'SELECT count(*) AS members FROM hub.memberships WHERE hub_id = $1',
      [hubId],
    );
    expect(Number(members)).toBe(registered.size + 1);

    // The mail drop: exactly one email per address (an invite to each newcomer, an "added" notice to each
    // registered account), each with its own Message-ID.
    await system.sink.waitForTotal(all.length, EMAIL_DEADLINE_MS);
    const perRecipient = new Map<string, number>();
    for (const message of system.sink.messages) {
      for (const to of message.to) perRecipient.set(to.toLowerCase(), (perRecipient.get(to.toLowerCase()) ?? 0) + 1);
    }
    expect(perRecipient.size).toBe(all.length);
    expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
    const messageIds = new Set(system.sink.messages.map((message) => message.headers['message-id']));
    expect(messageIds.size).toBe(system.sink.messages.length);

    // How the sending split between the notification replicas (printed for the reader; both took part).
    const split = await queryTestDb<{ replica: string; sent: string }>(
      `SELECT claimed_by AS replica, count(*) AS sent FROM notification.deliveries
       WHERE status = 'sent' GROUP BY claimed_by ORDER BY claimed_by`,
    );
    const importClaims = await queryTestDb<{ file: string; replica: string | null }>(
      'SELECT file_name AS file, claimed_by AS replica FROM invite.import_jobs ORDER BY file_name',
    );
    console.log(
      `two replicas: imports run by ${importClaims.map((job) => `${job.file}: ${job.replica ?? 'released'}`).join(', ')}; ` +
        `${all.length} emails sent by ${split.map((row) => `${row.replica}: ${row.sent}`).join(', ')}`,
    );
    const replicas = split.map((row) => row.replica.replace(/^.*-(notification(-2)?)\/notification$/, '$1'));
    expect(replicas.sort()).toEqual(['notification', 'notification-2']);
    expect(split.every((row) => Number(row.sent) > 0)).toBe(true);
  }, 900_000);

  /** Waits until a job is done (read through the gateway it was uploaded to). */
  function finished(jobId: string, gateway: HttpTestClient): Promise<ImportJobView> {
    return system.pollUntil(
      async () => {
        const job = await gateway.call('GET', `/api/v1/invite-imports/${jobId}`, { token: ada.token });
        if (job.body.status === 'failed') throw new Error(`The import failed: ${JSON.stringify(job.body.error)}`);
        return job.body.status === 'done' ? (job.body as ImportJobView) : undefined;
      },
      `import ${jobId} to finish`,
      { timeoutMs: JOB_DEADLINE_MS, intervalMs: 250 },
    );
  }
});

/** The address of a generated CSV line ("user-1@example.com,First1,…"), in lower case. */
function addressOf(line: string): string {
  return line.split(',')[0].toLowerCase();
}
