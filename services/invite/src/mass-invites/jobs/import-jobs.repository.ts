import { INVITE_SCHEMA } from '../../invite.config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportRowOutcome, ImportRowView, ImportStatus, UserType } from '@gatehouse/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { IMPORT_JOB_COLUMNS, ImportJobRow } from './import-job-row';

export interface NewImportJob {
  id: string;
  hubId: string;
  tenancyId: string;
  hubName: string;
  createdBy: string;
  inviterName: string;
  userType: UserType;
  inviteExpiryDays: number;
  dryRun: boolean;
  fileName: string;
  /** The finished upload holding the file (invite.import_uploads). */
  uploadId: string;
  correlationId: string;
}

export interface StoredRow {
  line: number;
  raw: string;
  email: string | null;
  outcome: ImportRowOutcome | null;
  reason: string | null;
}

/** Counts per outcome from the rows themselves (the source of truth), for a job that ends. */
const SUMMARY_FROM_ROWS = `summary = coalesce((SELECT jsonb_object_agg(outcome, n) FROM (
    SELECT outcome, count(*) AS n FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = j.id AND outcome IS NOT NULL
    GROUP BY outcome) s), '{}'),
  processed_rows = (SELECT count(*) FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = j.id
    AND outcome IS NOT NULL AND outcome <> 'skipped')`;

/** Rows of an import are written and updated set-based, thousands per statement. */
const WRITE_CHUNK = 10_000;

/** SQL for import jobs and their rows (schema `invite`). */
@Injectable()
export class ImportJobsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the job of a complete upload and marks the upload finished, in one statement: null when the
   * upload is not the uploader's, not for this Hub, empty or finished already.
   */
  async insertForUpload(job: NewImportJob): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await this.dataSource.query(
      `WITH upload AS (
         UPDATE ${INVITE_SCHEMA}.import_uploads SET finished = true, updated_at = now()
         WHERE id = $11 AND created_by = $5 AND hub_id = $2 AND NOT finished AND bytes > 0
         RETURNING id)
       INSERT INTO ${INVITE_SCHEMA}.import_jobs (id, hub_id, tenancy_id, hub_name, created_by, inviter_name, user_type,
         invite_expiry_days, dry_run, file_name, upload_id, correlation_id)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, upload.id, $12 FROM upload
       RETURNING ${IMPORT_JOB_COLUMNS}`,
      [
        job.id,
        job.hubId,
        job.tenancyId,
        job.hubName,
        job.createdBy,
        job.inviterName,
        job.userType,
        job.inviteExpiryDays,
        job.dryRun,
        job.fileName,
        job.uploadId,
        job.correlationId,
      ],
    );
    return rows[0] ?? null;
  }

  async find(id: string): Promise<ImportJobRow | null> {
    const rows: ImportJobRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_JOB_COLUMNS} FROM ${INVITE_SCHEMA}.import_jobs WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A running job's counts per outcome and its progress (rows decided, skipped blank rows not counted), from
   * the rows decided so far: a job's own summary and progress are written when it ends.
   */
  async progressSoFar(id: string): Promise<Pick<ImportJobRow, 'summary' | 'processed_rows'>> {
    const rows: { outcome: ImportRowOutcome; n: number }[] = await this.dataSource.query(
      `SELECT outcome, count(*)::int AS n FROM ${INVITE_SCHEMA}.import_rows
       WHERE job_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
      [id],
    );
    return {
      summary: Object.fromEntries(rows.map((row) => [row.outcome, row.n])),
      processed_rows: rows.reduce((sum, row) => sum + (row.outcome === 'skipped' ? 0 : row.n), 0),
    };
  }

  async list(hubId: string, createdBy: string | null, limit: number, offset: number) {
    const where = createdBy ? 'hub_id = $1 AND created_by = $2' : 'hub_id = $1 AND $2::uuid IS NULL';
    const rows: ImportJobRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_JOB_COLUMNS} FROM ${INVITE_SCHEMA}.import_jobs WHERE ${where}
       ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [hubId, createdBy, limit, offset],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${INVITE_SCHEMA}.import_jobs WHERE ${where}`,
      [hubId, createdBy],
    );
    return { rows, total: total as number };
  }

  /** Every job of a tenancy, newest first, optionally one Hub's or one state's (the console's imports page). */
  async listTenancy(
    filter: { tenancyId: string; hubId?: string; status?: ImportStatus },
    limit: number,
    offset: number,
  ) {
    const where = `tenancy_id = $1 AND ($2::uuid IS NULL OR hub_id = $2) AND ($3::text IS NULL OR status = $3)`;
    const params = [filter.tenancyId, filter.hubId ?? null, filter.status ?? null];
    const rows: ImportJobRow[] = await this.dataSource.query(
      `SELECT ${IMPORT_JOB_COLUMNS} FROM ${INVITE_SCHEMA}.import_jobs WHERE ${where}
       ORDER BY created_at DESC, id LIMIT $4 OFFSET $5`,
      [...params, limit, offset],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${INVITE_SCHEMA}.import_jobs WHERE ${where}`,
      params,
    );
    return { rows, total: total as number };
  }

  /**
   * Claims for `owner` the oldest queued job, or one whose worker stopped sending heartbeats (it died), or
   * — with `ownPreviousLife`, when a replica boots — one this replica was running when it died: the job is
   * resumed where its rows say it stopped.
   */
  async claimNext(staleAfterSeconds: number, owner: string, ownPreviousLife: boolean): Promise<ImportJobRow | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows]: [ImportJobRow[], number] = await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.import_jobs SET
         status = CASE WHEN status = 'queued' THEN 'parsing' ELSE status END,
         started_at = coalesce(started_at, now()), heartbeat_at = now(), claimed_by = $2
       WHERE id = (
         SELECT id FROM ${INVITE_SCHEMA}.import_jobs
         WHERE status = 'queued'
            OR (status IN ('parsing', 'running')
                AND (heartbeat_at < now() - make_interval(secs => $1) OR ($3 AND claimed_by = $2)))
         ORDER BY status = 'queued', created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${IMPORT_JOB_COLUMNS}`,
      [staleAfterSeconds, owner, ownPreviousLife],
    );
    return rows[0] ?? null;
  }

  /** A stopping worker hands the job back: any replica may resume it at once (its heartbeat is made stale). */
  async release(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.import_jobs SET heartbeat_at = '-infinity', claimed_by = NULL
       WHERE id = $1 AND status IN ('parsing', 'running')`,
      [id],
    );
  }

  async heartbeat(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE ${INVITE_SCHEMA}.import_jobs SET heartbeat_at = now() WHERE id = $1`, [id]);
  }

  async markParsed(id: string, totalRows: number, fixes: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.import_jobs SET status = 'running', total_rows = $2, fixes = $3, heartbeat_at = now() WHERE id = $1`,
      [id, totalRows, JSON.stringify(fixes)],
    );
  }

  /**
   * The job stops for good: its file is dropped, and its summary and progress say what it did until then
   * (the rows written are the decisions taken, with their invites and memberships).
   */
  async fail(id: string, code: string, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.import_jobs j SET status = 'failed', error_code = $2, error_message = $3, finished_at = now(),
         ${SUMMARY_FROM_ROWS}
       WHERE id = $1`,
      [id, code, message],
    );
    await this.dropFile(id);
  }

  /** An ended job's upload (its pieces) is deleted; the job's upload_id becomes null. */
  private async dropFile(id: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ${INVITE_SCHEMA}.import_uploads u USING ${INVITE_SCHEMA}.import_jobs j WHERE j.id = $1 AND u.id = j.upload_id`,
      [id],
    );
  }

  /** Whether any row of the job is written (by an earlier run of it: a resumed job). */
  async hasRows(jobId: string): Promise<boolean> {
    const [{ found }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = $1) AS found`,
      [jobId],
    );
    return found as boolean;
  }

  /** Of these lines of a job, those already written (a resumed job decides only the others). */
  async writtenLines(jobId: string, lines: number[]): Promise<Set<number>> {
    const rows: { line: number }[] = await this.dataSource.query(
      `SELECT line FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = $1 AND line = ANY($2::int[])`,
      [jobId, lines],
    );
    return new Set(rows.map((row) => row.line));
  }

  /**
   * Writes decided rows with their outcomes (a row written before, by a worker that died, is kept). With
   * `manager`, inside the caller's transaction: the decision's own, so a row is written exactly when what it
   * reports (an invite, a membership) is committed. The job's row is not touched: a running job's progress
   * is counted from its rows when it is read (progressSoFar), so the chunks' transactions never queue for
   * the one job row.
   */
  async insertDecided(
    jobId: string,
    rows: StoredRow[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += WRITE_CHUNK) {
      const chunk = rows.slice(start, start + WRITE_CHUNK);
      await manager.query(
        `INSERT INTO ${INVITE_SCHEMA}.import_rows (job_id, line, raw_value, email, outcome, reason)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT DO NOTHING`,
        [
          jobId,
          chunk.map((r) => r.line),
          chunk.map((r) => r.raw),
          chunk.map((r) => r.email),
          chunk.map((r) => r.outcome),
          chunk.map((r) => r.reason),
        ],
      );
    }
  }

  /** Counts per outcome from the rows themselves (the source of truth), then marks the job done. */
  async finish(id: string, emailPreview: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.import_jobs j SET status = 'done', finished_at = now(),
         email_preview = $2, ${SUMMARY_FROM_ROWS}
       WHERE id = $1`,
      [id, emailPreview === null ? null : JSON.stringify(emailPreview)],
    );
    await this.dropFile(id);
  }

  /** Jobs not finished across the installation: queued, and running (parsing included). */
  async countUnfinished(): Promise<{ queued: number; running: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
              count(*) FILTER (WHERE status <> 'queued')::int AS running
       FROM ${INVITE_SCHEMA}.import_jobs WHERE status IN ('queued', 'parsing', 'running')`,
    )) as { queued: number; running: number }[];
    return row;
  }

  /** Rows decided so far (blank rows skipped are no progress). */
  async countDecided(jobId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = $1 AND outcome IS NOT NULL AND outcome <> 'skipped'`,
      [jobId],
    );
    return n as number;
  }

  async rows(jobId: string, outcome: ImportRowOutcome | undefined, limit: number, offset: number) {
    const filter = outcome ? 'AND outcome = $2' : 'AND $2::text IS NULL';
    const rows: StoredRow[] = await this.dataSource.query(
      `SELECT line, raw_value AS raw, email, outcome, reason FROM ${INVITE_SCHEMA}.import_rows
       WHERE job_id = $1 ${filter} ORDER BY line LIMIT $3 OFFSET $4`,
      [jobId, outcome ?? null, limit, offset],
    );
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = $1 ${filter}`,
      [jobId, outcome ?? null],
    );
    return { rows: rows.map(toRowView), total: total as number };
  }

  async allRows(jobId: string): Promise<ImportRowView[]> {
    const rows: StoredRow[] = await this.dataSource.query(
      `SELECT line, raw_value AS raw, email, outcome, reason FROM ${INVITE_SCHEMA}.import_rows WHERE job_id = $1 ORDER BY line`,
      [jobId],
    );
    return rows.map(toRowView);
  }
}

const toRowView = (row: StoredRow): ImportRowView => ({
  line: row.line,
  rawValue: row.raw,
  email: row.email,
  outcome: row.outcome,
  reason: row.reason,
});
