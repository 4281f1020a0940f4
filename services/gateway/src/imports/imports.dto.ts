import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  IMPORT_ROW_OUTCOMES,
  IMPORT_STATUSES,
  ImportRowOutcome,
  ImportStatus,
  USER_TYPES,
  UserType,
} from '@gatehouse/contracts';
import { PageQuery } from '../http/page-query.dto';

/** The form fields beside the uploaded file (multipart/form-data). */
export class CreateImportForm {
  @ApiProperty({ enum: USER_TYPES, description: 'One user type for the whole file' })
  @IsIn(USER_TYPES, { message: `userType is required: ${USER_TYPES.join(' or ')} (one user type for the whole file)` })
  userType!: UserType;

  @ApiPropertyOptional({ description: 'Classify every row and show the email, change nothing, send nothing' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun?: boolean;
}

/**
 * The whole multipart body as the document describes it. Documentation only: the file reaches the
 * invite service through CsvUploadInterceptor, and the fields are validated as CreateImportForm (a `file` property
 * there would be refused as an unknown field).
 */
export class CreateImportUpload extends CreateImportForm {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The CSV file (one)' })
  file!: unknown;
}

export class ImportRowsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: IMPORT_ROW_OUTCOMES })
  @IsOptional()
  @IsIn(IMPORT_ROW_OUTCOMES)
  outcome?: ImportRowOutcome;
}

/** GET /api/v1/tenancies/{tenancyId}/invite-imports */
export class TenancyImportsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this Hub's mass invites" })
  @IsOptional()
  @IsUUID()
  hubId?: string;

  @ApiPropertyOptional({ enum: IMPORT_STATUSES })
  @IsOptional()
  @IsIn(IMPORT_STATUSES, { message: `status must be one of ${IMPORT_STATUSES.join(', ')}` })
  status?: ImportStatus;
}
