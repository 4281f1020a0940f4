import { Injectable } from '@nestjs/common';
import {
  Actor,
  DEFAULT_PAGE_SIZE,
  GetImportRequest,
  IMPORT_ERROR_CODES,
  ImportJobView,
  ImportReportCsv,
  ImportRowView,
  ListImportRowsRequest,
  ListImportsRequest,
  Page,
} from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/messaging';
import { HubClient } from '../../hub/hub-client';
import { buildReportCsv } from '../csv';
import { ImportJobRow, toImportJobView } from '../jobs/import-job-row';
import { ImportJobsRepository } from '../jobs/import-jobs.repository';

const notFound = () => new DomainError(IMPORT_ERROR_CODES.NOT_FOUND, 'No such import.');

/**
 * Jobs, their rows and their report. Who may see them: like pending invites — Hub admins all of a Hub's
 * imports, Team Members their own, External Members none (the hub decides, 'invites.list').
 */
@Injectable()
export class ReadImports {
  constructor(
    private readonly hubs: HubClient,
    private readonly jobs: ImportJobsRepository,
  ) {}

  /** One job; while it runs, its summary is counted from the rows decided so far (the progress screen's counts). */
  async get({ actor, jobId }: GetImportRequest): Promise<ImportJobView> {
    const job = await this.visibleJob(actor, jobId);
    if (job.status === 'running') job.summary = await this.jobs.summarySoFar(job.id);
    return toImportJobView(job);
  }

  async list({
    actor,
    hubId,
    limit = DEFAULT_PAGE_SIZE,
    offset = 0,
  }: ListImportsRequest): Promise<Page<ImportJobView>> {
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invites.list');
    const { rows, total } = await this.jobs.list(hubId, access.scope === 'all' ? null : actor.accountId, limit, offset);
    return { items: rows.map(toImportJobView), total, limit, offset };
  }

  async rows(request: ListImportRowsRequest): Promise<Page<ImportRowView>> {
    const { actor, jobId, outcome, limit = DEFAULT_PAGE_SIZE, offset = 0 } = request;
    await this.visibleJob(actor, jobId);
    const { rows, total } = await this.jobs.rows(jobId, outcome, limit, offset);
    return { items: rows, total, limit, offset };
  }

  /** The per-row report as CSV; every cell neutralised against spreadsheet formula injection. */
  async reportCsv({ actor, jobId }: GetImportRequest): Promise<ImportReportCsv> {
    const job = await this.visibleJob(actor, jobId);
    if (job.status !== 'done') {
      throw new DomainError(
        IMPORT_ERROR_CODES.NOT_FINISHED,
        `The import is ${job.status}; its report is ready when it is done.`,
      );
    }
    const rows = await this.jobs.allRows(jobId);
    const csv = buildReportCsv(
      rows.map((row) => ({
        line: row.line,
        raw: row.rawValue,
        email: row.email,
        outcome: row.outcome ?? '',
        reason: row.reason,
      })),
      { bom: true },
    );
    const base =
      job.file_name
        .replace(/\.[^.]*$/, '')
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 100) || 'import';
    return { fileName: `${base}-report.csv`, csv };
  }

  private async visibleJob(actor: Actor, jobId: string): Promise<ImportJobRow> {
    const job = await this.jobs.find(jobId);
    if (!job) throw notFound();
    const access = await this.hubs.authorise(actor.accountId, job.hub_id, 'invites.list').catch(() => {
      throw notFound();
    });
    if (access.scope !== 'all' && job.created_by !== actor.accountId) throw notFound();
    return job;
  }
}
