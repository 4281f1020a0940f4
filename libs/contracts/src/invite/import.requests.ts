import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import {
  ActorPageRequest,
  ActorRequest,
  HubActorPageRequest,
  HubActorRequest,
  TenancyActorPageRequest,
} from '../actor-request';
import { USER_TYPES, UserType } from '../user-type';
import { IMPORT_ROW_OUTCOMES, IMPORT_STATUSES, ImportRowOutcome, ImportStatus } from './import.patterns';

/** Base64 of at most 64 MiB of file: the configured size limit (default 10 MiB) is checked by the service. */
export const MAX_IMPORT_BASE64_LENGTH = Math.ceil((64 * 1024 * 1024) / 3) * 4;

export class CreateImportRequest extends HubActorRequest {
  @IsIn(USER_TYPES, { message: `userType is required: ${USER_TYPES.join(' or ')} (one user type for the whole file)` })
  userType!: UserType;

  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @IsString()
  @MaxLength(255)
  fileName!: string;

  @IsString()
  @MaxLength(MAX_IMPORT_BASE64_LENGTH, { message: 'the file is far over the size limit' })
  contentBase64!: string;
}

export class GetImportRequest extends ActorRequest {
  @IsUUID()
  jobId!: string;
}

export class ListImportsRequest extends HubActorPageRequest {}

export class ListTenancyImportsRequest extends TenancyActorPageRequest {
  @IsOptional()
  @IsUUID()
  hubId?: string;

  @IsOptional()
  @IsIn(IMPORT_STATUSES, { message: `status must be one of ${IMPORT_STATUSES.join(', ')}` })
  status?: ImportStatus;
}

export class ListImportRowsRequest extends ActorPageRequest {
  @IsUUID()
  jobId!: string;

  @IsOptional()
  @IsIn(IMPORT_ROW_OUTCOMES)
  outcome?: ImportRowOutcome;
}

/** invite.import.upload-check: asked by the gateway before it reads an upload's body. */
export class CheckImportUploadRequest extends HubActorRequest {}

/** The invite service's own size limit (IMPORT_MAX_BYTES): the gateway stops reading past it. */
export interface ImportUploadAllowance {
  maxBytes: number;
}
