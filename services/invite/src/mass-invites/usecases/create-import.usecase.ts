import { Injectable } from '@nestjs/common';
import { CreateImportRequest, ERROR_CODES, IMPORT_ERROR_CODES, ImportJobView, DomainError } from '@gatehouse/contracts';
import { currentCorrelationId } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { HubClient } from '../../hub/hub-client';
import { toImportJobView } from '../jobs/import-job-row';
import { ImportJobWorker } from '../jobs/import-job.worker';
import { ImportJobsRepository } from '../jobs/import-jobs.repository';
import { ImportUploadsRepository } from '../uploads/import-uploads.repository';

/**
 * Accepts a complete upload (its pieces stored by ReceiveUpload): checks the caller may invite into the
 * Hub with that user type, refuses an empty file, creates a queued job for the stored file and answers —
 * the worker does the rest in the background. One correlation id (this request's) marks every audit row
 * and event the import causes.
 */
@Injectable()
export class CreateImport {
  constructor(
    private readonly hubs: HubClient,
    private readonly jobs: ImportJobsRepository,
    private readonly uploads: ImportUploadsRepository,
    private readonly worker: ImportJobWorker,
  ) {}

  async execute(request: CreateImportRequest): Promise<ImportJobView> {
    const { actor } = request;
    const access = await this.hubs.authorise(actor.accountId, request.hubId, 'invite', request.userType);
    const upload = await this.uploads.find(request.uploadId);
    if (!upload || upload.created_by !== actor.accountId || upload.hub_id !== access.hub.id || upload.finished) {
      throw new DomainError(
        ERROR_CODES.VALIDATION_FAILED,
        'This upload is not open (finished, abandoned or not yours): upload the file again.',
      );
    }
    if (upload.bytes === 0) {
      await this.uploads.remove(upload.id);
      throw new DomainError(
        IMPORT_ERROR_CODES.EMPTY,
        'The file is empty. Put one email address per row in the first column.',
      );
    }
    const job = await this.jobs.insertForUpload({
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
      uploadId: upload.id,
      correlationId: currentCorrelationId() ?? randomUUID(),
    });
    if (!job) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'This upload was finished already: upload the file again.');
    }
    this.worker.wake();
    return toImportJobView(job);
  }
}
