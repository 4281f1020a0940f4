import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES, ImportRowOutcome } from '@gatehouse/contracts';
import { isTransientError, runWithCorrelationId } from '@gatehouse/messaging';
import { CsvRefusedError, ParsedRow, parseInviteCsv } from '../csv';
import { ImportDecisions } from './import-decisions';
import { ImportJobRow } from './import-job-row';
import { ImportJobsRepository, StoredRow } from './import-jobs.repository';
import { ImportLimits } from './import-limits';

/**
 * Valid rows decided per step: the decider works in chunks of 1,000 inside it, a few at once. A stopping
 * worker finishes the step under way, so a step is kept to about one round of chunks.
 */
const STEP_ROWS = 3_000;
/** A transient failure (the database or the hub briefly away) is retried this often, backing off. */
const TRANSIENT_RETRIES = 8;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** The job's heartbeat (its lease) is renewed this often while it runs, also during a long step. */
export const HEARTBEAT_MS = 10_000;

const PARSED_OUTCOME: Record<ParsedRow['outcome'], ImportRowOutcome | null> = {
  valid: null,
  invalid: 'invalid',
  duplicate_in_file: 'duplicate_in_file',
  blank: 'skipped',
};

/** Why a job was not run to its end: the worker is stopping (the job stays claimable, nothing failed). */
export type JobEnd = 'finished' | 'stopped';

/**
 * Runs one import job to the end: parse the stored file (invalid, duplicate and blank rows are decided
 * there and then, and written), then decide the valid rows step by step with the same decision as an
 * individual invite. Each row is written, with its outcome, in the very transaction that commits what it
 * reports (the invite, or the notice of the membership), so the report counts each row once, by what
 * this job did — also across a crash. Every step is idempotent, so a job whose worker died is resumed:
 * the file is parsed again (it is kept until the job ends) and the rows not written yet are decided.
 * A transient failure is retried where it stopped; a job that truly fails keeps the rows it decided and
 * says so.
 */
@Injectable()
export class ImportJobRunner {
  private readonly logger = new Logger('ImportJobRunner');

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly decisions: ImportDecisions,
    private readonly limits: ImportLimits,
  ) {}

  /** `stopping()` is asked between steps: true ends the run early, leaving the job to be resumed. */
  run(job: ImportJobRow, content: Buffer | null, stopping: () => boolean = () => false): Promise<JobEnd> {
    return runWithCorrelationId(job.correlation_id, () => this.runWithRetries(job, content, stopping));
  }

  private async runWithRetries(job: ImportJobRow, content: Buffer | null, stopping: () => boolean): Promise<JobEnd> {
    const heartbeat = setInterval(() => {
      this.jobs
        .heartbeat(job.id)
        .catch((error: Error) => this.logger.warn(`import ${job.id}: heartbeat: ${error.message}`));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.runJob(job, content, stopping);
        } catch (error) {
          if (!isTransientError(error) || attempt > TRANSIENT_RETRIES || stopping()) {
            if (stopping() && isTransientError(error)) return 'stopped';
            await this.failJob(job, error);
            return 'finished';
          }
          const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
          this.logger.warn(
            `import ${job.id}: ${(error as Error).message} — transient; resuming in ${delay} ms (retry ${attempt} of ${TRANSIENT_RETRIES})`,
          );
          await new Promise((resolve) => setTimeout(resolve, delay));
          // Parsing may have been committed before the failure: resume from the stored state.
          job = (await this.jobs.find(job.id).catch(() => null)) ?? job;
        }
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async runJob(job: ImportJobRow, content: Buffer | null, stopping: () => boolean): Promise<JobEnd> {
    const undecided = await this.parse(job, content);
    if (!undecided) return 'finished';
    for (let start = 0; start < undecided.length; start += STEP_ROWS) {
      if (stopping()) return 'stopped';
      const step = undecided.slice(start, start + STEP_ROWS);
      const byLine = new Map(step.map((row) => [row.line, row]));
      const stored = (outcomes: { line: number; outcome: ImportRowOutcome; reason: string | null }[]): StoredRow[] =>
        outcomes.map(({ line, outcome, reason }) => ({
          line,
          raw: byLine.get(line)!.raw,
          email: byLine.get(line)!.email,
          outcome,
          reason,
        }));
      const rows = step.map((row) => ({ line: row.line, email: row.email! }));
      if (job.dry_run) {
        await this.jobs.insertDecided(job.id, stored(await this.decisions.decide(job, rows)));
      } else {
        await this.decisions.decide(job, rows, (manager, outcomes) =>
          this.jobs.insertDecided(job.id, stored(outcomes), manager),
        );
      }
    }
    const preview = job.dry_run ? await this.decisions.emailPreview(job) : null;
    await this.jobs.finish(job.id, preview);
    return 'finished';
  }

  /** The job ends failed; the rows it decided stand, and its summary counts them. */
  private async failJob(job: ImportJobRow, error: unknown): Promise<void> {
    const message = (error as Error).message;
    this.logger.error(`import ${job.id} failed: ${message}`, (error as Error).stack);
    const code = (error as { code?: string }).code ?? ERROR_CODES.INTERNAL;
    const decided = await this.jobs.countDecided(job.id).catch(() => null);
    const done = decided === null ? '' : ` after ${decided} row(s) were decided (see the report; the others were not)`;
    await this.jobs.fail(
      job.id,
      typeof code === 'string' && /^[A-Z_.]+$/.test(code) ? code : ERROR_CODES.INTERNAL,
      `The import stopped${done}: ${message}`,
    );
  }

  /**
   * Parses the file and returns its valid rows not decided yet, in file order; null when the file was
   * refused (the job is then failed, nothing was sent). On the first pass the rows decided by parsing are
   * written and the job moves to "running"; a resumed job skips the rows already written.
   */
  private async parse(job: ImportJobRow, content: Buffer | null): Promise<ParsedRow[] | null> {
    if (!content) {
      await this.jobs.fail(job.id, ERROR_CODES.INTERNAL, 'The uploaded file is no longer stored; upload it again.');
      return null;
    }
    let rows: ParsedRow[];
    let fixes: string[];
    try {
      ({ rows, fixes } = parseInviteCsv(content, this.limits.csv));
    } catch (error) {
      if (error instanceof CsvRefusedError) {
        await this.jobs.fail(job.id, error.code, error.message);
        return null;
      }
      throw error;
    }
    const valid = rows.filter((row) => row.outcome === 'valid');
    if (job.status === 'parsing') {
      const decidedByParsing: StoredRow[] = rows
        .filter((row) => row.outcome !== 'valid')
        .map((row) => ({ ...row, outcome: PARSED_OUTCOME[row.outcome] }));
      await this.jobs.insertRows(job.id, decidedByParsing);
      await this.jobs.markParsed(job.id, rows.filter((row) => row.outcome !== 'blank').length, fixes);
      await this.jobs.setProcessed(job.id, await this.jobs.countDecided(job.id));
    }
    const written = await this.jobs.writtenLines(job.id);
    return valid.filter((row) => !written.has(row.line));
  }
}
