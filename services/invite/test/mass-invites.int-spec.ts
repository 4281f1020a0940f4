import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CreateImportRequest,
  IMPORT_PATTERNS,
  INVITE_EVENTS,
  ImportJobView,
  MembersAddedNoticePayload,
  importUploadPieces,
} from '@gatehouse/contracts';
import { ImportRowsHook, decidedRowsOfUploader, onDecidedImportRows, queryTestDb } from '@gatehouse/testing';
import { InviteFixture, World, eventually, uniqueEmail } from './invite-fixture';
import { INVITE_CHUNK_SIZE } from '../src/invites/invites.constants';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/csv');

interface Expected {
  valid?: string[];
  invalid_lines?: number[];
  duplicate_lines?: number[];
  skipped_blank_lines?: number[];
  refused?: string;
  refused_or_zero_rows?: boolean;
}
const EXPECTED = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expected>;

/**
 * Mass invites through the real invite service (in-process), the compiled hub, PostgreSQL and RabbitMQ:
 * upload → job → rows decided with the individual-invite decision → report.
 */
describe('mass invites', () => {
  const fx = new InviteFixture({ inviteEnv: { IMPORT_MAX_ROWS: '20000' } });
  let world: World;

  beforeAll(async () => {
    await fx.start();
    world = await fx.world();
  }, 120_000);
  afterAll(() => fx.stop());

  function upload(
    content: Buffer | string,
    options: { dryRun?: boolean; fileName?: string; actor?: World['admin'] } = {},
  ) {
    return send(
      {
        actor: options.actor ?? world.admin,
        hubId: world.hub.id,
        userType: 'EXTERNAL_MEMBER',
        dryRun: options.dryRun ?? false,
        fileName: options.fileName ?? 'people.csv',
      },
      content,
    );
  }

  /** As the gateway sends a file: an upload opened, its pieces appended in order, then the job created. */
  async function send(request: Omit<CreateImportRequest, 'uploadId'>, content: Buffer | string) {
    const { actor, hubId } = request;
    const { uploadId } = await fx.call(IMPORT_PATTERNS.UPLOAD_BEGIN, { actor, hubId });
    let seq = 0;
    for (const piece of importUploadPieces(Buffer.from(content))) {
      await fx.call(IMPORT_PATTERNS.UPLOAD_APPEND, {
        actor,
        uploadId,
        seq: seq++,
        pieceBase64: piece.toString('base64'),
      });
    }
    return fx.call(IMPORT_PATTERNS.CREATE, { ...request, uploadId });
  }

  /** The domain error of sending a file (from whichever step refused it). */
  async function sendFailure(request: Omit<CreateImportRequest, 'uploadId'>, content: Buffer | string) {
    try {
      await send(request, content);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error('the upload succeeded, but a failure was expected');
  }

  async function finished(job: ImportJobView): Promise<ImportJobView> {
    let current = job;
    await eventually(
      async () => {
        current = await fx.call(IMPORT_PATTERNS.GET, { actor: world.admin, jobId: job.id });
        return current.status === 'done' || current.status === 'failed';
      },
      `import ${job.id} to finish`,
      120_000,
    );
    return current;
  }

  async function rowsOf(job: ImportJobView) {
    const page = await fx.call(IMPORT_PATTERNS.ROWS, { actor: world.admin, jobId: job.id, limit: 500 });
    return page.items;
  }

  describe.each(Object.entries(EXPECTED))('fixture %s', (file, expected) => {
    it('is imported as expected.json says', async () => {
      const content = readFileSync(path.join(FIXTURES, file));
      // A file that is not text, or has no rows, is refused with its own code.
      const refusedWith = expected.refused ? 'IMPORT.NOT_TEXT' : expected.refused_or_zero_rows ? 'IMPORT.EMPTY' : null;
      if (refusedWith) {
        const failure = await sendFailure(
          { actor: world.admin, hubId: world.hub.id, userType: 'EXTERNAL_MEMBER', fileName: file },
          content,
        );
        expect(failure.code).toBe(refusedWith);
        return;
      }
      const job = await finished(await upload(content, { fileName: file }));
      expect(job.status).toBe('done');
      const rows = await rowsOf(job);
      const decided = rows.filter((r) => r.outcome === 'invited' || r.outcome === 'already_invited');
      expect(decided.map((r) => r.email)).toEqual(expected.valid);
      expect(rows.filter((r) => r.outcome === 'invalid').map((r) => r.line)).toEqual(expected.invalid_lines);
      expect(rows.filter((r) => r.outcome === 'duplicate_in_file').map((r) => r.line)).toEqual(
        expected.duplicate_lines,
      );
      if (expected.skipped_blank_lines) {
        expect(rows.filter((r) => r.outcome === 'skipped').map((r) => r.line)).toEqual(expected.skipped_blank_lines);
      }
      for (const row of rows.filter((r) => r.outcome === 'invalid')) expect(row.reason).toBeTruthy();
    });
  });

  it('decides 10,000 rows: registered accounts added, the rest invited, each announced once, with one correlation id', async () => {
    const registered = await seedAccounts(50);
    const invitees = Array.from(
      { length: 10_000 - registered.length },
      (_, i) => `bulk-${i}-${world.hub.id.slice(0, 8)}@example.com`,
    );
    const csv = ['Email', ...registered, ...invitees, 'not-an-address', registered[0].toUpperCase()].join('\r\n');
    const job = await finished(await upload(csv));
    expect(job).toMatchObject({ status: 'done', totalRows: 10_002, processedRows: 10_002 });
    expect(job.summary).toEqual({ added: 50, invited: 9_950, invalid: 1, duplicate_in_file: 1 });
    expect(job.fixes).toContain('header row skipped');

    await fx.flushInviteEvents();
    const created = fx.issued(INVITE_EVENTS.CREATED).filter((e) => e.correlationId === job.correlationId);
    const invitedEmails = created.flatMap((e) => e.payload.invites.map((i) => i.email));
    expect(invitedEmails).toHaveLength(9_950);
    expect(new Set(invitedEmails).size).toBe(9_950);
    const notices = fx.spy
      .named<MembersAddedNoticePayload>(INVITE_EVENTS.MEMBER_ADDED)
      .filter((e) => e.correlationId === job.correlationId);
    expect(notices.flatMap((e) => e.payload.members.map((m) => m.email)).sort()).toEqual([...registered].sort());
    // Batches, never one message per row.
    expect(created.length).toBeLessThanOrEqual(20);

    // Re-uploading the same file changes nothing and sends nothing.
    const again = await finished(await upload(csv));
    expect(again.summary).toEqual({ already_member: 50, already_invited: 9_950, invalid: 1, duplicate_in_file: 1 });
    await fx.flushInviteEvents();
    expect(fx.issued(INVITE_EVENTS.CREATED).filter((e) => e.correlationId === again.correlationId)).toHaveLength(0);
    const [{ count }] = await queryTestDb<{ count: string }>(
      `SELECT count(*) FROM invite.invites WHERE hub_id = $1 AND status = 'pending' AND email LIKE 'bulk-%'`,
      [world.hub.id],
    );
    expect(Number(count)).toBe(9_950);
  });

  it('dry run classifies exactly as a real run would, and changes and sends nothing', async () => {
    const [member] = await seedAccounts(1);
    await send({ actor: world.admin, hubId: world.hub.id, userType: 'EXTERNAL_MEMBER', fileName: 'first.csv' }, member);
    const pendingEmail = uniqueEmail('pending');
    await fx.invite(world.admin, world.hub.id, pendingEmail);
    const [newcomer] = await seedAccounts(1);
    const fresh = uniqueEmail('fresh');
    await eventually(
      async () => (await fx.membership(world.hub.id, (await accountId(member)) ?? '')) !== null,
      'member added',
    );
    await fx.flushInviteEvents();
    const eventsBefore = fx.spy.events.length;
    const invitesBefore = await fx.inviteRows({ hubId: world.hub.id });

    const csv = [member, pendingEmail, newcomer, fresh, 'broken', fresh].join('\n');
    const job = await finished(await upload(csv, { dryRun: true }));
    expect(job.dryRun).toBe(true);
    const outcomes = Object.fromEntries((await rowsOf(job)).map((r) => [r.line, r.outcome]));
    expect(outcomes).toEqual({
      1: 'already_member',
      2: 'already_invited',
      3: 'added',
      4: 'invited',
      5: 'invalid',
      6: 'duplicate_in_file',
    });
    await fx.flushInviteEvents();
    expect(fx.spy.events.length).toBe(eventsBefore + 1); // only the marker account of the flush
    expect(await fx.inviteRows({ hubId: world.hub.id })).toEqual(invitesBefore);
    expect(await fx.membership(world.hub.id, (await accountId(newcomer))!)).toBeNull();
  });

  it("counts a running job's outcomes and progress from the rows decided so far", async () => {
    const job = await finished(await upload([uniqueEmail('a'), ',x', uniqueEmail('b'), 'not an address'].join('\n')));
    expect(job).toMatchObject({ summary: { invited: 2, invalid: 1, skipped: 1 }, processedRows: 3 });
    // As if it were still at work, before its own summary and progress are written: the rows so far answer
    // (a skipped blank row is no progress), in the job and in the Hub's list of jobs.
    await queryTestDb(
      `UPDATE invite.import_jobs SET status = 'running', summary = '{}', processed_rows = 0 WHERE id = $1`,
      [job.id],
    );
    await queryTestDb(`UPDATE invite.import_rows SET outcome = NULL WHERE job_id = $1 AND line = 3`, [job.id]);
    const soFar = { status: 'running', summary: { invited: 1, invalid: 1, skipped: 1 }, processedRows: 2 };
    expect(await fx.call(IMPORT_PATTERNS.GET, { actor: world.admin, jobId: job.id })).toMatchObject(soFar);
    const listed = await fx.call(IMPORT_PATTERNS.LIST, { actor: world.admin, hubId: world.hub.id });
    expect(listed.items.find((j) => j.id === job.id)).toMatchObject(soFar);
  });

  it('refuses a file over the row limit whole, with nothing sent', async () => {
    const csv = Array.from({ length: 20_001 }, (_, i) => `over-${i}@example.com`).join('\n');
    const job = await finished(await upload(csv));
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('IMPORT.TOO_MANY_ROWS');
    await fx.flushInviteEvents();
    expect(fx.issued(INVITE_EVENTS.CREATED).filter((e) => e.correlationId === job.correlationId)).toHaveLength(0);
  });

  it('exports the report as CSV with formula-looking cells neutralised', async () => {
    const job = await finished(await upload(['=HYPERLINK("http://evil")', '+1234', uniqueEmail('ok')].join('\n')));
    const report = await fx.call(IMPORT_PATTERNS.REPORT_CSV, { actor: world.admin, jobId: job.id });
    expect(report.fileName).toBe('people-report.csv');
    const lines = report.csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('line,raw_value,email,outcome,reason');
    expect(lines[1]).toMatch(/^1,"'=HYPERLINK\(""http:\/\/evil""\)",,invalid,/);
    expect(lines[2]).toMatch(/^2,'\+1234,,invalid,/);
    expect(lines[3]).toMatch(/,invited,$/);
  });

  it('requires a user type and the right to invite; jobs are visible to their own inviter', async () => {
    const noType = await sendFailure(
      { actor: world.admin, hubId: world.hub.id, fileName: 'x.csv' } as never,
      'a@example.com',
    );
    expect(noType.code).toBe('VALIDATION.FAILED');
    expect(noType.message).toContain('userType is required');

    const external = await fx.member(world, 'Eve External', 'EXTERNAL_MEMBER');
    const refused = await sendFailure(
      { actor: external, hubId: world.hub.id, userType: 'EXTERNAL_MEMBER', fileName: 'x.csv' },
      'a@example.com',
    );
    expect(refused.code).toBe('PERMISSION.DENIED');

    const teamMember = await fx.member(world, 'Tom Team', 'TEAM_MEMBER');
    const own = await finished(await upload(uniqueEmail('own'), { actor: teamMember }));
    const visible = await fx.call(IMPORT_PATTERNS.LIST, { actor: teamMember, hubId: world.hub.id });
    expect(visible.items.map((j) => j.id)).toEqual([own.id]);
    const adminsJob = (await fx.call(IMPORT_PATTERNS.LIST, { actor: world.admin, hubId: world.hub.id })).items.find(
      (j) => j.createdBy === world.admin.accountId,
    )!;
    expect((await fx.failure(IMPORT_PATTERNS.GET, { actor: teamMember, jobId: adminsJob.id })).code).toBe(
      'IMPORT.NOT_FOUND',
    );
  });

  it('stops before its next chunk when the uploader loses the right to invite, and says why', async () => {
    const uploader = await fx.member(world, 'Lena Loses-Rights', 'TEAM_MEMBER');
    // Six chunks, three decided at once: the permission goes off as the first chunk lands, so whatever
    // chunk starts after that is refused. Turning it off from here after polling raced the job: the three
    // first chunks end together and start the three last before a poll sees them (CI, 1 December 2026).
    const emails = Array.from({ length: 6 * INVITE_CHUNK_SIZE }, () => uniqueEmail('stopped'));
    const revocation = await revokeInviteRightWithFirstDecidedRow(uploader.accountId);
    try {
      const job = await upload(emails.join('\n'), { actor: uploader });
      const ended = await finished(job);
      expect(ended.status).toBe('failed');
      expect(ended.error).toEqual({
        code: 'IMPORT.UPLOADER_MAY_NOT_INVITE',
        message: expect.stringMatching(/Lena Loses-Rights, who uploaded the file, may no longer invite .*turned off/),
      });
      const [{ n: decided }] = await queryTestDb<{ n: number }>(
        `SELECT count(*)::int AS n FROM invite.import_rows WHERE job_id = $1 AND outcome = 'invited'`,
        [job.id],
      );
      expect(decided).toBeGreaterThan(0);
      expect(decided).toBeLessThanOrEqual(3 * INVITE_CHUNK_SIZE); // the chunks under way, no more
      // The report says exactly what was done: one pending invite per decided row, none for the rest.
      const [{ n: invites }] = await queryTestDb<{ n: number }>(
        `SELECT count(*)::int AS n FROM invite.invites WHERE hub_id = $1 AND email = ANY($2::text[])`,
        [world.hub.id, emails],
      );
      expect(invites).toBe(decided);
      expect(ended.summary.invited).toBe(decided);
    } finally {
      // A failed clean-up must not hide why the test failed; the next schema reset removes what is left.
      await revocation.remove().catch(() => undefined);
    }
  }, 180_000);

  /**
   * A Hub admin turning the uploader's invite permission off (as the hub stores it) in the very transaction
   * that writes the first decided rows of their job, so no chunk that starts after those rows are committed
   * can have been allowed. The database is shared with the other suites: it acts on this uploader's jobs only.
   */
  function revokeInviteRightWithFirstDecidedRow(accountId: string): Promise<ImportRowsHook> {
    if (!/^[0-9a-f-]{36}$/.test(world.hub.id)) throw new Error('expected a UUID');
    return onDecidedImportRows(
      `test_revoke_${accountId.replace(/-/g, '')}`,
      `UPDATE hub.memberships SET can_invite = false
        WHERE hub_id = '${world.hub.id}' AND account_id = '${accountId}' AND can_invite
          AND ${decidedRowsOfUploader(accountId, { dryRun: false })};`,
    );
  }

  async function seedAccounts(count: number): Promise<string[]> {
    const emails = Array.from({ length: count }, () => uniqueEmail('registered'));
    await queryTestDb(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(), e, 'Registered', 'x', now() FROM unnest($1::text[]) AS e`,
      [emails],
    );
    return emails;
  }

  async function accountId(email: string): Promise<string | null> {
    const rows = await queryTestDb<{ id: string }>('SELECT id FROM invite.accounts WHERE email = $1', [email]);
    return rows[0]?.id ?? null;
  }
});
