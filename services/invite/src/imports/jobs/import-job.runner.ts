import { Injectable, Logger } from '@nestjs/common';
import { ERROR_CODES, ImportRowOutcome } from '@gatehouse/contracts';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { CsvRefusedError, ParsedRow, parseInviteCsv } from '../csv';
import { ImportDecisions } from './import-decisions';
import { ImportJobRow } from './import-job-row';
import { ImportJobsRepository, StoredRow } from './import-jobs.repository';
import { ImportLimits } from './import-limits';

/** Rows decided per step: the decider works in chunks of 1,000 inside it; progress moves per step. */
const STEP_ROWS = 5000;

const PARSED_OUTCOME: Record<ParsedRow['outcome'], ImportRowOutcome | null> = {
  valid: null,
  invalid: 'invalid',
  duplicate_in_file: 'duplicate_in_file',
  blank: 'skipped',
};

/**
 * Runs one import job to the end: parse the stored file into rows (invalid and duplicate rows are
 * decided there and then), then decide the valid rows step by step with the same decision as an
 * individual invite, recording outcomes and progress as it goes. Every step is idempotent, so a job
 * whose worker died is resumed from its undecided rows.
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
    try {
      if (job.status === 'parsing') {
        const parsed = await this.parse(job, content);
        if (!parsed) return;
      }
      for (;;) {
        const pending = await this.jobs.pendingRows(job.id, STEP_ROWS);
        if (pending.length === 0) break;
        const outcomes = await this.decisions.decide(job, pending);
        await this.jobs.recordOutcomes(job.id, outcomes);
      }
      const preview = job.dry_run ? await this.decisions.emailPreview(job) : null;
      await this.jobs.finish(job.id, preview);
    } catch (error) {
      this.logger.error(`import ${job.id} failed: ${(error as Error).message}`, (error as Error).stack);
      const code = (error as { code?: string }).code ?? ERROR_CODES.INTERNAL;
      await this.jobs.fail(job.id, code, `The import stopped: ${(error as Error).message}`);
    }
  }

  /** Returns false when the file was refused (the job is then failed, nothing was sent). */
  private async parse(job: ImportJobRow, content: Buffer | null): Promise<boolean> {
    if (!content) {
      await this.jobs.fail(job.id, ERROR_CODES.INTERNAL, 'The uploaded file is no longer stored; upload it again.');
      return false;
    }
    let rows: ParsedRow[];
    let fixes: string[];
    try {
      ({ rows, fixes } = parseInviteCsv(content, this.limits.csv));
    } catch (error) {
      if (error instanceof CsvRefusedError) {
        await this.jobs.fail(job.id, error.code, error.message);
        return false;
      }
      throw error;
    }
    const stored: StoredRow[] = rows.map((row) => ({
      line: row.line,
      raw: row.raw,
      email: row.email,
      outcome: PARSED_OUTCOME[row.outcome],
      reason: row.reason,
    }));
    await this.jobs.insertRows(job.id, stored);
    await this.jobs.markParsed(job.id, rows.filter((row) => row.outcome !== 'blank').length, fixes);
    await this.jobs.setProcessed(job.id, await this.jobs.countDecided(job.id));
    return true;
  }
}
