import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_ROW_OUTCOMES,
  IMPORT_STATUSES,
  ImportJobView,
  ImportRowOutcome,
  ImportRowView,
  ImportStatus,
  Page,
  USER_TYPES,
  UserType,
} from '@gatehouse/contracts';
import { EmailPreviewResponse } from '../tenancies/email-preview.responses';
import { PageFields } from '../openapi/error-body';

/** Rows per outcome so far; an outcome no row had yet is absent. */
export class ImportSummary {
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) added?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) invited?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) already_member?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) already_invited?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) duplicate_in_file?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) invalid?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0 }) skipped?: number;
}

export class ImportError {
  @ApiProperty({ example: 'IMPORT.EMPTY' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/** ImportJobView: one uploaded CSV and what became of it. */
export class ImportJob implements ImportJobView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  hubId!: string;

  @ApiProperty({ example: 'Apollo Design', description: "The Hub's name when the file was uploaded." })
  hubName!: string;

  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ format: 'uuid', description: 'The account that uploaded the file.' })
  createdBy!: string;

  @ApiProperty({ example: 'Ada Lovelace', description: "The uploader's display name." })
  createdByName!: string;

  @ApiProperty({ enum: USER_TYPES, enumName: 'UserType', description: 'One user type for the whole file.' })
  userType!: UserType;

  @ApiProperty({ description: 'A dry run classifies every row and changes nothing.' })
  dryRun!: boolean;

  @ApiProperty({ example: 'partners.csv' })
  fileName!: string;

  @ApiProperty({ enum: IMPORT_STATUSES, enumName: 'ImportStatus' })
  status!: ImportStatus;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Rows of the file that hold something; null until the file is parsed.',
  })
  totalRows!: number | null;

  @ApiProperty({ type: 'integer', description: 'Rows decided so far (progress: processedRows of totalRows).' })
  processedRows!: number;

  @ApiProperty({ type: ImportSummary })
  summary!: ImportSummary;

  @ApiProperty({ type: [String], description: 'What the parser fixed, in words ("BOM removed", …).' })
  fixes!: string[];

  @ApiProperty({ type: ImportError, nullable: true, description: 'Why the job failed (status `failed`).' })
  error!: ImportError | null;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the file was uploaded.' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: EmailPreviewResponse, nullable: true, description: 'Dry runs: the email that would go out.' })
  emailPreview!: EmailPreviewResponse | null;
}

export class ImportJobPage extends PageFields implements Page<ImportJobView> {
  @ApiProperty({ type: [ImportJob] })
  items!: ImportJob[];
}

/** ImportRowView: one row of the file and its outcome. */
export class ImportRow implements ImportRowView {
  @ApiProperty({ type: 'integer', description: 'Line number in the file (1-based).' })
  line!: number;

  @ApiProperty({ description: 'The cell as it was in the file.' })
  rawValue!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The normalised address; null when not an address.' })
  email!: string | null;

  @ApiProperty({
    // Inline, not the named ImportRowOutcome: OpenAPI 3.0 cannot make a referenced schema nullable.
    type: 'string',
    enum: IMPORT_ROW_OUTCOMES,
    nullable: true,
    description: 'null while the row is not decided yet.',
  })
  outcome!: ImportRowOutcome | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the row was invalid or skipped, in words.' })
  reason!: string | null;
}

export class ImportRowPage extends PageFields implements Page<ImportRowView> {
  @ApiProperty({ type: [ImportRow] })
  items!: ImportRow[];
}
