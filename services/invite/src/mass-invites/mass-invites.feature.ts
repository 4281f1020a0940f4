import type { Provider, Type } from '@nestjs/common';
import { MassInvitesController } from './mass-invites.controller';
import { ImportBacklogMetrics } from './jobs/import-backlog.metrics';
import { ImportDecisions } from './jobs/import-decisions';
import { ImportJobRunner } from './jobs/import-job.runner';
import { ImportJobWorker } from './jobs/import-job.worker';
import { ImportJobsRepository } from './jobs/import-jobs.repository';
import { ImportLimits } from './jobs/import-limits';
import { CreateImport } from './usecases/create-import.usecase';
import { ReadImports } from './usecases/read-import.usecase';
import { ReceiveUpload } from './usecases/receive-upload.usecase';
import { ImportUploadsRepository } from './uploads/import-uploads.repository';

/** Mass invites from a CSV: registered in the invite service's root module beside the invites feature it uses. */
export const MASS_INVITE_CONTROLLERS: Type[] = [MassInvitesController];

export const MASS_INVITE_PROVIDERS: Provider[] = [
  ImportLimits,
  ImportJobsRepository,
  ImportUploadsRepository,
  ImportDecisions,
  ImportJobRunner,
  ImportJobWorker,
  ReceiveUpload,
  CreateImport,
  ReadImports,
  ImportBacklogMetrics,
];
