import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, ERROR_CODES, IMPORT_PATTERNS, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Response } from 'express';
import { PageQuery } from '../http/page-query.dto';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { HUB_ERRORS, Operation, withErrors } from '../openapi/operation';
import { CreateImportForm, CreateImportUpload, ImportRowsQuery } from './imports.dto';
import { ImportJob, ImportJobPage, ImportRowPage } from './imports.responses';
import { CsvUploadInterceptor, UploadedCsv } from './csv-upload.interceptor';

/** Parsing a 100,000-row file is the invite service's work; the upload only waits for the job to be stored. */
const CREATE_TIMEOUT_MS = 30_000;
const REPORT_TIMEOUT_MS = 60_000;

@ApiTags('mass-invites')
@Controller('api/v1')
export class ImportsController {
  constructor(private readonly rpc: RpcClient) {}

  /** Upload a CSV (first column: email addresses) → 202 with the import job; it runs in the background. */
  @Post('hubs/:hubId/invite-imports')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CreateImportUpload })
  @Operation({
    id: 'createImport',
    summary: 'Upload a CSV of addresses to invite (a mass invite or its dry run)',
    description:
      'First column: email addresses; one user type per file. Answers 202 with the job, which runs in the ' +
      'background: poll GET /api/v1/invite-imports/{jobId}.',
    errors: withErrors(HUB_ERRORS, {
      400: ['IMPORT.EMPTY'],
      413: ['IMPORT.TOO_LARGE', 'IMPORT.TOO_MANY_ROWS', 'REQUEST.TOO_LARGE'],
      415: ['IMPORT.NOT_TEXT'],
    }),
  })
  @ApiAcceptedResponse({ type: ImportJob })
  @UseInterceptors(CsvUploadInterceptor)
  create(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Body() form: CreateImportForm,
    @UploadedFile() file: UploadedCsv | undefined,
  ) {
    if (!file) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'file is required: upload the CSV in the "file" field.');
    }
    return this.rpc.call(
      IMPORT_PATTERNS.CREATE,
      {
        actor,
        hubId,
        userType: form.userType,
        dryRun: form.dryRun ?? false,
        fileName: file.originalname.slice(0, 255),
        uploadId: file.uploadId,
      },
      { timeoutMs: CREATE_TIMEOUT_MS },
    );
  }

  @Get('hubs/:hubId/invite-imports')
  @Operation({
    id: 'listImports',
    summary: "List a Hub's mass invites, newest first",
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: ImportJobPage })
  list(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string, @Query() query: PageQuery) {
    return this.rpc.call(IMPORT_PATTERNS.LIST, { actor, hubId, ...query });
  }

  /** Status, progress (rows done / total), summary and, for a dry run, the email that would go out. */
  @Get('invite-imports/:jobId')
  @Operation({
    id: 'getImport',
    summary: 'Get a mass invite: status, progress, counts (and, for a dry run, the email)',
    errors: { 400: ['VALIDATION.FAILED'], 404: ['IMPORT.NOT_FOUND'] },
  })
  @ApiOkResponse({ type: ImportJob })
  get(@CurrentActor() actor: Actor, @Param('jobId', uuidParam('jobId')) jobId: string) {
    return this.rpc.call(IMPORT_PATTERNS.GET, { actor, jobId });
  }

  /** The per-row report as JSON pages, optionally one outcome only. */
  @Get('invite-imports/:jobId/rows')
  @Operation({
    id: 'listImportRows',
    summary: "A mass invite's per-row report, a page at a time",
    description: 'By line number; `outcome` narrows it to one outcome (e.g. `invalid` for the bad rows).',
    errors: { 400: ['VALIDATION.FAILED'], 404: ['IMPORT.NOT_FOUND'] },
  })
  @ApiOkResponse({ type: ImportRowPage })
  rows(
    @CurrentActor() actor: Actor,
    @Param('jobId', uuidParam('jobId')) jobId: string,
    @Query() query: ImportRowsQuery,
  ) {
    return this.rpc.call(IMPORT_PATTERNS.ROWS, { actor, jobId, ...query });
  }

  /** The per-row report as a CSV download (cells neutralised against formula injection). */
  @Get('invite-imports/:jobId/report.csv')
  @Operation({
    id: 'downloadImportReport',
    summary: "Download a finished mass invite's report as CSV",
    errors: { 400: ['VALIDATION.FAILED'], 404: ['IMPORT.NOT_FOUND'], 409: ['IMPORT.NOT_FINISHED'] },
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The report (line, value, email, outcome, reason).', schema: { type: 'string' } })
  async report(
    @CurrentActor() actor: Actor,
    @Param('jobId', uuidParam('jobId')) jobId: string,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.rpc.call(IMPORT_PATTERNS.REPORT_CSV, { actor, jobId }, { timeoutMs: REPORT_TIMEOUT_MS });
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(report.fileName)
      .setHeader('x-content-type-options', 'nosniff');
    response.send(report.csv);
  }
}
