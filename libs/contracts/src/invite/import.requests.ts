import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import {
  ActorPageRequest,
  ActorRequest,
  HubActorPageRequest,
  HubActorRequest,
  TenancyActorPageRequest,
} from '../actor-request';
import { USER_TYPES, UserType } from '../user-type';
import { IMPORT_UPLOAD_PIECE_BYTES } from './import-upload';
import { IMPORT_ROW_OUTCOMES, IMPORT_STATUSES, ImportRowOutcome, ImportStatus } from './import.patterns';

const MAX_PIECE_BASE64_LENGTH = Math.ceil(IMPORT_UPLOAD_PIECE_BYTES / 3) * 4;

/** invite.import.create: the upload is complete; create its job. */
export class CreateImportRequest extends HubActorRequest {
  @IsIn(USER_TYPES, { message: `userType is required: ${USER_TYPES.join(' or ')} (one user type for the whole file)` })
  userType!: UserType;

  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @IsString()
  @MaxLength(255)
  fileName!: string;

  /** From invite.import.upload.begin; every piece appended. */
  @IsUUID()
  uploadId!: string;
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

/** invite.import.upload.begin: asked by the gateway before it reads an upload's body. */
export class BeginImportUploadRequest extends HubActorRequest {}

/** The opened upload and the invite service's own size limit (IMPORT_MAX_BYTES): the gateway stops reading past it. */
export interface ImportUploadAllowance {
  uploadId: string;
  maxBytes: number;
  /** The size of every piece but the last (IMPORT_UPLOAD_PIECE_BYTES). */
  pieceBytes: number;
}

/** invite.import.upload.append: the piece number `seq` (0, 1, 2, …) of an upload, sent in order. */
export class AppendImportUploadRequest extends ActorRequest {
  @IsUUID()
  uploadId!: string;

  @IsInt()
  @Min(0)
  seq!: number;

  @IsString()
  @MaxLength(MAX_PIECE_BASE64_LENGTH, { message: `a piece is at most ${IMPORT_UPLOAD_PIECE_BYTES} bytes` })
  pieceBase64!: string;
}

/** The bytes stored for the upload so far. */
export interface ImportUploadProgress {
  bytes: number;
}

/** invite.import.upload.abort */
export class AbortImportUploadRequest extends ActorRequest {
  @IsUUID()
  uploadId!: string;
}
