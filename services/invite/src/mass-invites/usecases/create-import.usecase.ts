import { Injectable } from '@nestjs/common';
import {
  CheckImportUploadRequest,
  CreateImportRequest,
  IMPORT_ERROR_CODES,
  ImportJobView,
  ImportUploadAllowance,
  DomainError,
} from '@gatehouse/contracts';
import { currentCorrelationId } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { HubClient } from '../../hub/hub-client';
import { CsvRefusedError } from '../csv';
import { decodeUpload } from '../csv/decode';
import { toImportJobView } from '../jobs/import-job-row';
import { ImportJobWorker } from '../jobs/import-job.worker';
import { ImportJobsRepository } from '../jobs/import-jobs.repository';
import { ImportLimits } from '../jobs/import-limits';

/** Enough of the file to tell a spreadsheet export from a picture without reading all of it. */
const SNIFF_BYTES = 64 * 1024;

const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Accepts an upload: checks the caller may invite into the Hub with that user type, refuses at once a
 * file that is too large, empty or not text, stores it with a queued job and answers — the worker does
 * the rest in the background. One correlation id (this request's) marks every audit row and event the
 * import causes.
 */
@Injectable()
export class CreateImport {
  constructor(
    private readonly hubs: HubClient,
    private readonly jobs: ImportJobsRepository,
    private readonly worker: ImportJobWorker,
    private readonly limits: ImportLimits,
  ) {}

  /**
   * Asked before the file is read (by the gateway): the caller may invite into the Hub (the user type is
   * checked with the upload itself), and the file may be this large at most.
   */
  async checkUpload({ actor, hubId }: CheckImportUploadRequest): Promise<ImportUploadAllowance> {
    await this.hubs.authorise(actor.accountId, hubId, 'invite');
    return { maxBytes: this.limits.csv.maxBytes };
  }

  async execute(request: CreateImportRequest): Promise<ImportJobView> {
    const { actor } = request;
    const access = await this.hubs.authorise(actor.accountId, request.hubId, 'invite', request.userType);
    const content = Buffer.from(request.contentBase64, 'base64');
    this.refuseObviousProblems(content);
    const job = await this.jobs.insert({
      id: randomUUID(),
      hubId: access.hub.id,
      tenancyId: access.hub.tenancyId,
      hubName: access.hub.name,
      createdBy: actor.accountId,
      inviterName: access.membership.displayName,
      userType: request.userType,
      inviteExpiryDays: access.inviteExpiryDays,
      dryRun: request.dryRun ?? false,
      fileName: request.fileName.trim() || 'upload.csv',
      content,
      correlationId: currentCorrelationId() ?? randomUUID(),
    });
    this.worker.wake();
    return toImportJobView(job);
  }

  private refuseObviousProblems(content: Buffer): void {
    const { maxBytes } = this.limits.csv;
    if (content.length > maxBytes) {
      throw new DomainError(
        IMPORT_ERROR_CODES.TOO_LARGE,
        `The file is ${mebibytes(content.length)}; the limit is ${mebibytes(maxBytes)}. Split it into smaller files.`,
        { bytes: content.length, limit: maxBytes },
      );
    }
    if (content.length === 0) {
      throw new DomainError(
        IMPORT_ERROR_CODES.EMPTY,
        'The file is empty. Put one email address per row in the first column.',
      );
    }
    try {
      decodeUpload(content.subarray(0, SNIFF_BYTES));
    } catch (error) {
      if (error instanceof CsvRefusedError) throw new DomainError(error.code, error.message);
      throw error;
    }
  }
}
