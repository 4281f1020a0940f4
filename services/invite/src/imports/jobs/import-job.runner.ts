import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES, ImportRowOutcome } from '@gatehouse/contracts';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { CsvRefusedError, ParsedRow, parseInviteCsv } from '../csv';
import { ImportDecisions } from './import-decisions';
import { ImportJobRow } from './import-job-row';
import { ImportJobsRepository, StoredRow } from './import-jobs.repository';
import { ImportLimits } from './import-limits';

/**
 * Valid rows decided per step: the decider works in chunks of 1,000 inside it (a few at once); each
 * step's rows are then written with their outcomes, and the progress moved on, in one statement.
 */
const STEP_ROWS = 10_000;

const PARSED_OUTCOME: Record<ParsedRow['outcome'], ImportRowOutcome | null> = {
  valid: null,
  invalid: 'invalid',
  duplicate_in_file: 'duplicate_in_file',
  blank: 'skipped',
};

/**
 * Runs one import job to the end: parse the stored file (invalid, duplicate and blank rows are decided
 * there and then, and written), then decide the valid rows step by step with the same decision as an
 * individual invite, writing each row once, with its outcome, as its step is decided. Every step is
 * idempotent, so a job whose worker died is resumed: the file is parsed again (it is kept until the
 * job ends) and the rows not written yet are decided.
 */
@Injectable()
export class ImportJobRunner {
  private readonly logger = new Logger('ImportJobRunner');

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly decisions: ImportDecisions,
    private readonly limits: ImportLimits,
  ) {}

  run(job: ImportJobRow, content: Buffer | null): Promise<void> {
    return runWithCorrelationId(job.correlation_id, () => this.runJob(job, content));
  }

  private async runJob(job: ImportJobRow, content: Buffer | null): Promise<void> {
    // A step's rows are written while the next step is decided (one write under way at most): its
    // decisions are committed already, so the write only has to be done before the job is.
    let writing: Promise<void> = Promise.resolve();
    try {
      const undecided = await this.parse(job, content);
      if (!undecided) return;
      for (let start = 0; start < undecided.length; start += STEP_ROWS) {
        const step = undecided.slice(start, start + STEP_ROWS);
        const outcomes = await this.decisions.decide(
          job,
          step.map((row) => ({ line: row.line, email: row.email! })),
        );
        await writing;
        writing = this.jobs.insertDecided(
          job.id,
          step.map((row, i) => ({
            line: row.line,
            raw: row.raw,
            email: row.email,
            outcome: outcomes[i].outcome,
            reason: outcomes[i].reason,
          })),
        );
        writing.catch(() => undefined); // handled: its error surfaces at the next `await writing`
      }
      await writing;
      const preview = job.dry_run ? await this.decisions.emailPreview(job) : null;
      await this.jobs.finish(job.id, preview);
    } catch (error) {
      await writing.catch(() => undefined);
      this.logger.error(`import ${job.id} failed: ${(error as Error).message}`, (error as Error).stack);
      const code = (error as { code?: string }).code ?? ERROR_CODES.INTERNAL;
      await this.jobs.fail(job.id, code, `The import stopped: ${(error as Error).message}`);
    }
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
      return valid;
    }
    const written = await this.jobs.writtenLines(job.id);
    return valid.filter((row) => !written.has(row.line));
  }
}
