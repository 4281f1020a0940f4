import { Injectable } from '@nestjs/common';
import {
  Actor,
  GetImportRequest,
  IMPORT_ERROR_CODES,
  ImportJobView,
  ImportReportCsv,
  ImportRowView,
  ListImportRowsRequest,
  ListImportsRequest,
  ListTenancyImportsRequest,
  Page,
  pageWindow,
  DomainError,
} from '@gatehouse/contracts';
import { HubClient } from '../../hub/hub-client';
import { buildReportCsv } from '../csv';
import { ImportJobRow, toImportJobView } from '../jobs/import-job-row';
import { ImportJobsRepository } from '../jobs/import-jobs.repository';

const notFound = () => new DomainError(IMPORT_ERROR_CODES.NOT_FOUND, 'No such import.');

/**
 * Jobs, their rows and their report. Who may see them: like pending invites — Hub admins all of a Hub's
 * imports, Team Members their own, External Members none (the hub decides, 'invites.list') — and, for the
 * console, tenant admins of the job's tenancy and operators (whether or not they are members of its Hub).
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
    await this.countRunningSoFar([job]);
    return toImportJobView(job);
  }

  async list(request: ListImportsRequest): Promise<Page<ImportJobView>> {
    const { actor, hubId } = request;
    const { limit, offset } = pageWindow(request);
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invites.list');
    const { rows, total } = await this.jobs.list(hubId, access.scope === 'all' ? null : actor.accountId, limit, offset);
    await this.countRunningSoFar(rows);
    return { items: rows.map(toImportJobView), total, limit, offset };
  }

  /** The console's list: every job of the tenancy, for its tenant admins and operators (the hub decides). */
  async listTenancy(request: ListTenancyImportsRequest): Promise<Page<ImportJobView>> {
    const { actor, tenancyId, hubId, status } = request;
    const { limit, offset } = pageWindow(request);
    await this.hubs.requireTenancyAdmin(actor, tenancyId);
    const { rows, total } = await this.jobs.listTenancy({ tenancyId, hubId, status }, limit, offset);
    await this.countRunningSoFar(rows);
    return { items: rows.map(toImportJobView), total, limit, offset };
  }

  async rows(request: ListImportRowsRequest): Promise<Page<ImportRowView>> {
    const { actor, jobId, outcome } = request;
    const { limit, offset } = pageWindow(request);
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

  /**
   * A running job's summary and progress are written when it ends: until then, they are counted from the
   * rows decided so far.
   */
  private async countRunningSoFar(jobs: ImportJobRow[]): Promise<void> {
    for (const job of jobs) {
      if (job.status === 'running') Object.assign(job, await this.jobs.progressSoFar(job.id));
    }
  }

  /** Anyone who may not see the job learns only that there is no such import. */
  private async visibleJob(actor: Actor, jobId: string): Promise<ImportJobRow> {
    const job = await this.jobs.find(jobId);
    if (!job) throw notFound();
    if (await this.seesAsHubMember(actor, job)) return job;
    await this.hubs.requireTenancyAdmin(actor, job.tenancy_id).catch(() => {
      throw notFound();
    });
    return job;
  }

  private async seesAsHubMember(actor: Actor, job: ImportJobRow): Promise<boolean> {
    const access = await this.hubs.authorise(actor.accountId, job.hub_id, 'invites.list').catch(() => null);
    return access !== null && (access.scope === 'all' || job.created_by === actor.accountId);
  }
}
