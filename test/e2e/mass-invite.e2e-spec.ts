import { ImportJobView, ImportRowOutcome, ImportRowView } from '@gatehouse/contracts';
import { repoRoot, GatehouseSystem, JsonBody, TenantAdminFixture, queryTestDb } from '@gatehouse/testing';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

/**
 * A mass invite as a Hub admin does it, through the whole system: the compiled hub, invite,
 * notification and gateway processes on the real PostgreSQL and RabbitMQ, a real SMTP server in this
 * process, an upload over HTTP of a 10,000-row CSV made by the project's generator (test/fixtures/gen-emails.mjs) (every 10th row a
 * registered account, every 97th a duplicate, every 101st not an address). The expected outcome of
 * every row is worked out here from the generated file, independently of the importer. No test waits
 * for a fixed time: every wait is for a state, with a deadline.
 */
const ROWS = 10_000;
/** Deadlines for the background work on a busy machine (never speed assertions). */
const JOB_DEADLINE_MS = 240_000;
const EMAIL_DEADLINE_MS = 300_000;

interface ExpectedImport {
  /** Outcome of each data row, by its line in the file (the header is line 1). */
  outcomeByLine: Map<number, ImportRowOutcome>;
  /** Unique addresses with an account (seeded): added to the Hub, an "added" notice each. */
  registered: string[];
  /** Unique addresses without one: invited, one invite email each. */
  unregistered: string[];
  invalid: number;
  duplicates: number;
}

describe('mass invite from a CSV, end to end', () => {
  const system = new GatehouseSystem({
    label: 'e2e-mass-invite',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '1000' },
    envFor: {
      // One event at a time, so "a later event's email arrived" means every earlier event was handled;
      // no rate limit worth speaking of against the local sink.
      notification: { AMQP_PREFETCH: '1', MAIL_RATE_PER_SECOND: '5000', SMTP_POOL_MAX_CONNECTIONS: '10' },
    },
  });
  const password = 'correct horse battery staple';
  const appendix = 'Acme onboarding: questions to it-desk@acme.example.\nNo reply needed.';
  const hubName = 'Osprey';
  let ada: TenantAdminFixture;
  let hubId: string;
  let csv: string;
  let expected: ExpectedImport;
  let markers = 0;

  beforeAll(async () => {
    await system.start();
    const generator = path.resolve(repoRoot(), 'test/fixtures/gen-emails.mjs');
    csv = execFileSync(
      process.execPath,
      [generator, String(ROWS), '--registered-every', '10', '--dup-every', '97', '--bad-every', '101'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expected = expectedImport(csv);
    // The registered-<i>@example.com people have accounts with proven addresses: seeded straight into the
    // invite service's table.
    await queryTestDb(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(), email, 'Registered ' || split_part(email, '@', 1), 'seeded: no sign-in', now()
       FROM unnest($1::text[]) AS email`,
      [expected.registered],
    );
    ada = await system.createTenantAdmin({
      email: 'ada.admin@acme.example',
      displayName: 'Ada Admin',
      password,
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(ada, hubName);
    await system.setInviteAppendix(ada, appendix);
  }, 180_000);
  afterAll(() => system.stop());

  const adminCall = (method: string, path: string, json?: unknown) =>
    system.http.call(method, path, { token: ada.token, json });

  function upload(
    content: string | Buffer,
    fields: Record<string, string>,
    token = ada.token,
    fileName = 'people.csv',
  ) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
    return system.http.call('POST', `/api/v1/hubs/${hubId}/invite-imports`, { token, multipart: form });
  }

  /** Uploads the file and waits until its job is done; returns the finished job. */
  async function runImport(fields: Record<string, string>): Promise<ImportJobView> {
    const accepted = await upload(csv, fields);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ hubId, fileName: 'people.csv', userType: fields.userType });
    expect(['queued', 'parsing', 'running', 'done']).toContain(accepted.body.status);
    const jobId = accepted.body.id as string;
    return system.pollUntil(
      async () => {
        const job = await adminCall('GET', `/api/v1/invite-imports/${jobId}`);
        expect(job.status).toBe(200);
        if (job.body.status === 'failed') throw new Error(`The import failed: ${JSON.stringify(job.body.error)}`);
        return job.body.status === 'done' ? (job.body as ImportJobView) : undefined;
      },
      `import ${jobId} to finish`,
      { timeoutMs: JOB_DEADLINE_MS, intervalMs: 250 },
    );
  }

  /** Every row of a job's report, read page by page over HTTP. */
  async function allRows(jobId: string): Promise<ImportRowView[]> {
    const rows: ImportRowView[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await adminCall('GET', `/api/v1/invite-imports/${jobId}/rows?limit=500&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(ROWS);
      rows.push(...(page.body.items as ImportRowView[]));
      if (page.body.items.length < 500) return rows;
    }
  }

  /**
   * Every email asked for so far has been sent: one more address invited individually (after them) got
   * its email. The notification service handles events one at a time and in order (prefetch 1).
   */
  async function flushEmails(): Promise<void> {
    const marker = `marker-${++markers}@elsewhere.example`;
    const invited = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: marker,
      userType: 'TEAM_MEMBER',
    });
    expect(invited.body).toMatchObject({ outcome: 'invited', emailSent: true });
    await system.sink.waitFor(marker, 1, EMAIL_DEADLINE_MS);
  }

  const emailsTo = () => {
    const byRecipient = new Map<string, string[]>();
    for (const message of system.sink.messages) {
      for (const to of message.to) byRecipient.set(to, [...(byRecipient.get(to) ?? []), message.subject]);
    }
    return byRecipient;
  };

  it('reads the generated file as the test expects', () => {
    expect(expected.outcomeByLine.size).toBe(ROWS);
    expect(expected.invalid).toBeGreaterThan(0);
    expect(expected.duplicates).toBeGreaterThan(0);
    expect(expected.registered.length).toBeGreaterThan(0);
    expect(expected.unregistered.length + expected.registered.length + expected.invalid + expected.duplicates).toBe(
      ROWS,
    );
  });

  it('a dry run classifies every row like a real run, shows the email with the appendix, and changes and sends nothing', async () => {
    const job = await runImport({ userType: 'TEAM_MEMBER', dryRun: 'true' });
    expect(job).toMatchObject({ dryRun: true, totalRows: ROWS, processedRows: ROWS, error: null });
    expect(job.summary).toEqual({
      added: expected.registered.length,
      invited: expected.unregistered.length,
      duplicate_in_file: expected.duplicates,
      invalid: expected.invalid,
    });
    expect(job.emailPreview).not.toBeNull();
    expect(job.emailPreview!.subject).toBe(`Ada Admin invited you to ${hubName} on Gatehouse`);
    expect(job.emailPreview!.text.trimEnd().endsWith(appendix)).toBe(true);
    expect(job.emailPreview!.html).toContain('it-desk@acme.example');

    // Nothing changed: no invites, no new members; nothing was sent (an email made after it arrives alone).
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/invites?limit=1`)).body.total).toBe(0);
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/members?limit=1`)).body.total).toBe(1);
    await flushEmails();
    expect(system.sink.messages).toHaveLength(1);
  }, 600_000);

  it('the upload invites every new address once, adds the registered ones, and reports every row', async () => {
    const emailsBefore = system.sink.messages.length;
    const job = await runImport({ userType: 'EXTERNAL_MEMBER' });
    expect(job).toMatchObject({ dryRun: false, totalRows: ROWS, processedRows: ROWS, emailPreview: null });
    expect(job.summary).toEqual({
      added: expected.registered.length,
      invited: expected.unregistered.length,
      duplicate_in_file: expected.duplicates,
      invalid: expected.invalid,
    });
    expect(job.fixes).toContain('header row skipped');

    // The per-row report, page by page: every line with the outcome worked out from the file.
    const rows = await allRows(job.id);
    expect(rows).toHaveLength(ROWS);
    for (const row of rows) expect([row.line, row.outcome]).toEqual([row.line, expected.outcomeByLine.get(row.line)]);
    const invalid = await adminCall('GET', `/api/v1/invite-imports/${job.id}/rows?outcome=invalid&limit=500`);
    expect(invalid.body.total).toBe(expected.invalid);
    expect(invalid.body.items.every((row: JsonBody) => row.email === null && row.reason)).toBe(true);
    const duplicates = await adminCall('GET', `/api/v1/invite-imports/${job.id}/rows?outcome=duplicate_in_file`);
    expect(duplicates.body.items[0].reason).toMatch(/^duplicate of line \d+$/);

    // …and as a CSV download.
    const report = await adminCall('GET', `/api/v1/invite-imports/${job.id}/report.csv`);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(report.headers.get('content-disposition')).toMatch(/^attachment/);
    const reportLines = report.text.trimEnd().split('\r\n');
    expect(reportLines[0]).toBe('line,raw_value,email,outcome,reason');
    expect(reportLines).toHaveLength(ROWS + 1);

    // The registered people are members with the file's user type.
    const members = await adminCall('GET', `/api/v1/hubs/${hubId}/members?userType=EXTERNAL_MEMBER&limit=1`);
    expect(members.body.total).toBe(expected.registered.length);
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/invites?limit=1`)).body.total).toBe(
      expected.unregistered.length + markers,
    );

    // Exactly one invite email per invited address, one "added" notice per added member, nothing else.
    const total = emailsBefore + expected.unregistered.length + expected.registered.length;
    await system.sink.waitForTotal(total, EMAIL_DEADLINE_MS);
    await flushEmails();
    expect(system.sink.messages).toHaveLength(total + 1);
    const received = emailsTo();
    const inviteSubject = `Ada Admin invited you to ${hubName} on Gatehouse`;
    for (const address of expected.unregistered)
      expect([address, received.get(address)]).toEqual([address, [inviteSubject]]);
    const noticeSubject = `You were added to ${hubName} on Gatehouse`;
    for (const address of expected.registered)
      expect([address, received.get(address)]).toEqual([address, [noticeSubject]]);
  }, 900_000);

  it('a second upload of the same file is idempotent: no new invites or members, no email', async () => {
    const emailsBefore = system.sink.messages.length;
    const job = await runImport({ userType: 'EXTERNAL_MEMBER' });
    expect(job.summary).toEqual({
      already_member: expected.registered.length,
      already_invited: expected.unregistered.length,
      duplicate_in_file: expected.duplicates,
      invalid: expected.invalid,
    });
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/invites?limit=1`)).body.total).toBe(
      expected.unregistered.length + markers,
    );
    expect((await adminCall('GET', `/api/v1/hubs/${hubId}/members?limit=1`)).body.total).toBe(
      expected.registered.length + 1,
    );
    await flushEmails();
    expect(system.sink.messages).toHaveLength(emailsBefore + 1);
    // The tenancy's delivery log holds one record per email received, none failed.
    const deliveries = `/api/v1/tenancies/${ada.tenancy.id}/deliveries?limit=1`;
    expect((await adminCall('GET', deliveries)).body.total).toBe(system.sink.messages.length);
    expect((await adminCall('GET', `${deliveries}&status=failed`)).body.total).toBe(0);
  }, 600_000);

  it('refuses a binary file, a missing user type and an External Member, with nothing stored', async () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512)]);
    const notText = await upload(binary, { userType: 'TEAM_MEMBER' }, ada.token, 'photo.csv');
    expect(notText).toMatchObject({ status: 415, body: { code: 'IMPORT.NOT_TEXT' } });

    const noType = await upload(csv, {});
    expect(noType).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(noType.body.message).toContain('userType');

    // An External Member may not invite.
    const eve = await system.createAccount('eve.external@elsewhere.example', 'Eve External', password);
    const added = await adminCall('POST', `/api/v1/hubs/${hubId}/invites`, {
      email: eve.email,
      userType: 'EXTERNAL_MEMBER',
    });
    expect(added.body).toMatchObject({ outcome: 'added' });
    const eveToken = await system.http.signIn(eve.email, password);
    const refused = await upload('eve-friend@elsewhere.example\n', { userType: 'EXTERNAL_MEMBER' }, eveToken);
    expect(refused).toMatchObject({ status: 403, body: { code: 'PERMISSION.DENIED' } });

    // Only the three real uploads exist.
    const jobs = await adminCall('GET', `/api/v1/hubs/${hubId}/invite-imports`);
    expect(jobs.body.total).toBe(3);
    // What the refused requests sent of their files is dropped.
    await system.pollUntil(async () => (await unfinishedUploads()) === 0, 'the refused uploads to be dropped');
  }, 120_000);

  it('drops what it stored of a file whose upload was cut off', async () => {
    const boundary = 'gatehouse-cut-off-upload';
    const request = http.request(`${system.http.baseUrl}/api/v1/hubs/${hubId}/invite-imports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ada.token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(4 * 1024 * 1024),
      },
    });
    request.on('error', () => undefined);
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n' +
        'cut-off@example.com\n'.repeat(40_000), // 800 KiB: one 512 KiB piece reaches the invite service
    );
    await system.pollUntil(async () => {
      const [{ n }] = await queryTestDb<{ n: number }>('SELECT count(*)::int AS n FROM invite.import_upload_pieces');
      return n > 0;
    }, 'the first piece to be stored');
    request.destroy();
    await system.pollUntil(async () => (await unfinishedUploads()) === 0, 'the cut-off upload to be dropped');
  }, 60_000);

  async function unfinishedUploads(): Promise<number> {
    const [{ n }] = await queryTestDb<{ n: number }>(
      'SELECT count(*)::int AS n FROM invite.import_uploads WHERE NOT finished',
    );
    return n;
  }

  it('answers before reading the file: an outsider, and an upload announced over the limit, are refused at once', async () => {
    const sam = await system.createAccount('sam.outsider@elsewhere.example', 'Sam Outsider', password);
    const samToken = await system.http.signIn(sam.email, password);
    // The body is never finished: only an answer given before reading it can arrive.
    expect(await unfinishedUpload(samToken, 1024 * 1024)).toMatchObject({
      status: 404,
      body: { code: 'HUB.NOT_FOUND' },
    });
    const overLimit = await unfinishedUpload(ada.token, 20 * 1024 * 1024);
    expect(overLimit).toMatchObject({ status: 413, body: { code: 'IMPORT.TOO_LARGE' } });
    expect(overLimit.body.message).toContain('the limit is 10.0 MiB');
    // A whole file over the limit gets the same answer.
    const streamed = await upload(Buffer.alloc(11 * 1024 * 1024, 'a@example.com\n'), { userType: 'TEAM_MEMBER' });
    expect(streamed).toMatchObject({ status: 413, body: { code: 'IMPORT.TOO_LARGE' } });
  }, 60_000);

  /** Sends the head of a multipart upload announcing `declaredBytes`, and waits for an answer (at most 10 s). */
  function unfinishedUpload(token: string, declaredBytes: number): Promise<{ status: number; body: JsonBody }> {
    const boundary = 'gatehouse-unfinished-upload';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="userType"\r\n\r\nTEAM_MEMBER\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\n' +
      'someone@example.com\n'.repeat(1000);
    return new Promise((resolve, reject) => {
      const request = http.request(`${system.http.baseUrl}/api/v1/hubs/${hubId}/invite-imports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(declaredBytes),
        },
      });
      const timer = setTimeout(() => {
        request.destroy();
        reject(new Error('no answer while the upload was unfinished: the gateway waited for the file'));
      }, 10_000);
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => {
          clearTimeout(timer);
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as JsonBody });
        });
      });
      request.on('error', () => undefined); // the gateway may close the connection it answered early
      request.write(head);
    });
  }
});

/**
 * What the importer should make of the generated file, worked out from the file alone: the first cell
 * of each row after the header, lower-cased; not an address → invalid; seen before → duplicate; else
 * registered (the generator's registered-<i> addresses) or not.
 */
function expectedImport(text: string): ExpectedImport {
  const lines = text.split('\n');
  expect(lines[0]).toBe('Email,First name,Last name');
  const result: ExpectedImport = {
    outcomeByLine: new Map(),
    registered: [],
    unregistered: [],
    invalid: 0,
    duplicates: 0,
  };
  const seen = new Set<string>();
  lines.slice(1).forEach((row, index) => {
    if (row === '') return;
    const line = index + 2;
    const email = row.slice(0, row.indexOf(',')).trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/.test(email)) {
      result.invalid++;
      result.outcomeByLine.set(line, 'invalid');
    } else if (seen.has(email)) {
      result.duplicates++;
      result.outcomeByLine.set(line, 'duplicate_in_file');
    } else {
      seen.add(email);
      const registered = email.startsWith('registered-');
      (registered ? result.registered : result.unregistered).push(email);
      result.outcomeByLine.set(line, registered ? 'added' : 'invited');
    }
  });
  return result;
}
