import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES, ImportRowOutcome } from '@gatehouse/contracts';
import { isTransientError, runWithCorrelationId } from '@gatehouse/messaging';
import {
  CsvRefusedError,
  CsvShape,
  FilePieces,
  ParsedRow,
  countInviteCsvRows,
  readInviteCsvRows,
  surveyInviteCsv,
} from '../csv';
import { ImportUploadsRepository } from '../uploads/import-uploads.repository';
import { ImportDecisions } from './import-decisions';
import { ImportJobRow } from './import-job-row';
import { ImportJobsRepository, StoredRow } from './import-jobs.repository';
import { ImportLimits } from './import-limits';
import { StepsInFlight } from '../../concurrency/steps-in-flight';
import { INVITE_CHUNK_SIZE } from '../../invites/invites.constants';

/**
 * Valid rows decided per step: one chunk of the decider (one account look-up, one hub call, one
 * transaction). STEPS_IN_FLIGHT steps run at once and the next starts as soon as one ends, so the hub
 * calls and transactions of one step overlap the others' (no draining at a step boundary). A stopping
 * worker finishes the steps under way.
 */
const STEP_ROWS = INVITE_CHUNK_SIZE;
const STEPS_IN_FLIGHT = 3;
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

/** Thrown out of the row stream when the worker stops between two steps. */
class Stopping extends Error {}

/**
 * Runs one import job to the end, reading its stored file piece by piece and never holding it, or its
 * rows, whole. Parsing ("parsing"): the file is surveyed (encoding, delimiter: refused whole if it must
 * be) and its rows counted — a file over the row limit fails before anything is decided. Running: the
 * rows are read again as a stream; invalid, duplicate and blank rows are written as they come, and the
 * valid ones are decided every STEP_ROWS, a few steps at once, with the same decision as an individual
 * invite. Each row is written, with its outcome, in the very transaction that commits what it reports (the
 * invite, or the notice of the membership), so the report counts each row once, by what this job did —
 * also across a crash. Every step is idempotent, so a job whose worker died is resumed: the file is read again (it is
 * kept until the job ends) and the rows not written yet are decided. A transient failure is retried where
 * it stopped; a job that truly fails keeps the rows it decided and says so.
 */
@Injectable()
export class ImportJobRunner {
  private readonly logger = new Logger('ImportJobRunner');

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly decisions: ImportDecisions,
    private readonly limits: ImportLimits,
    private readonly uploads: ImportUploadsRepository,
  ) {}

  /** `stopping()` is asked between steps: true ends the run early, leaving the job to be resumed. */
  run(job: ImportJobRow, stopping: () => boolean = () => false): Promise<JobEnd> {
    return runWithCorrelationId(job.correlation_id, () => this.runWithRetries(job, stopping));
  }

  private async runWithRetries(job: ImportJobRow, stopping: () => boolean): Promise<JobEnd> {
    const heartbeat = setInterval(() => {
      this.jobs
        .heartbeat(job.id)
        .catch((error: Error) => this.logger.warn(`import ${job.id}: heartbeat: ${error.message}`));
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.runJob(job, stopping);
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

  private async runJob(job: ImportJobRow, stopping: () => boolean): Promise<JobEnd> {
    const shape = await this.parse(job);
    if (!shape) return 'finished';
    // A job with no row written yet has no decided line to skip: its steps need not ask (one query a step).
    const resumed = await this.jobs.hasRows(job.id);
    let valid: ParsedRow[] = [];
    const steps = new StepsInFlight(STEPS_IN_FLIGHT);
    const decideValid = async (): Promise<void> => {
      if (stopping()) throw new Stopping();
      const step = valid.slice(0, STEP_ROWS);
      valid = valid.slice(STEP_ROWS);
      await steps.add(() => this.decideStep(job, step, resumed));
    };
    try {
      await readInviteCsvRows(this.pieces(job), shape, this.limits.csv, async (rows) => {
        const decidedByParsing = rows.filter((row) => row.outcome !== 'valid');
        if (decidedByParsing.length > 0) {
          await this.jobs.insertDecided(
            job.id,
            decidedByParsing.map((row) => ({ ...row, outcome: PARSED_OUTCOME[row.outcome] })),
          );
        }
        for (const row of rows) if (row.outcome === 'valid') valid.push(row);
        while (valid.length >= STEP_ROWS) await decideValid();
      });
      while (valid.length > 0) await decideValid();
      await steps.drain();
    } catch (error) {
      // Steps under way are let finish: a retry or a resume must not run beside them.
      if (!(error instanceof Stopping)) {
        await steps.settle();
        throw error;
      }
      await steps.drain();
      return 'stopped';
    }
    const preview = job.dry_run ? await this.decisions.emailPreview(job) : null;
    await this.jobs.finish(job.id, preview);
    return 'finished';
  }

  /**
   * Decides one step of valid rows (of a resumed job, those not written before a crash) and writes them
   * with their outcomes.
   */
  private async decideStep(job: ImportJobRow, step: ParsedRow[], resumed: boolean): Promise<void> {
    const written = resumed
      ? await this.jobs.writtenLines(
          job.id,
          step.map((row) => row.line),
        )
      : new Set<number>();
    const undecided = step.filter((row) => !written.has(row.line));
    if (undecided.length === 0) return;
    const byLine = new Map(undecided.map((row) => [row.line, row]));
    const stored = (outcomes: { line: number; outcome: ImportRowOutcome; reason: string | null }[]): StoredRow[] =>
      outcomes.map(({ line, outcome, reason }) => ({
        line,
        raw: byLine.get(line)!.raw,
        email: byLine.get(line)!.email,
        outcome,
        reason,
      }));
    const rows = undecided.map((row) => ({ line: row.line, email: row.email! }));
    if (job.dry_run) {
      await this.jobs.insertDecided(job.id, stored(await this.decisions.decide(job, rows)));
    } else {
      await this.decisions.decide(job, rows, (manager, outcomes) =>
        this.jobs.insertDecided(job.id, stored(outcomes), manager),
      );
    }
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
   * Surveys the stored file and, on the first pass, counts its rows (a file refused whole, or over the
   * row limit, fails here: nothing was decided or sent), then moves the job to "running" with its total
   * and fixes. A resumed running job is only surveyed again. Null when the job failed.
   */
  private async parse(job: ImportJobRow): Promise<CsvShape | null> {
    if (!job.upload_id) {
      await this.jobs.fail(job.id, ERROR_CODES.INTERNAL, 'The uploaded file is no longer stored; upload it again.');
      return null;
    }
    try {
      const shape = await surveyInviteCsv(this.pieces(job), this.limits.csv);
      if (job.status === 'parsing') {
        const counted = await countInviteCsvRows(this.pieces(job), shape, this.limits.csv);
        await this.jobs.markParsed(job.id, counted.dataRows, counted.fixes);
      }
      return shape;
    } catch (error) {
      if (error instanceof CsvRefusedError) {
        await this.jobs.fail(job.id, error.code, error.message);
        return null;
      }
      throw error;
    }
  }

  /** The job's file, read piece by piece from the database on each pass. */
  private pieces(job: ImportJobRow): FilePieces {
    const uploadId = job.upload_id!;
    return () => this.uploads.pieces(uploadId);
  }
}
