import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AbortImportUploadRequest,
  AppendImportUploadRequest,
  BeginImportUploadRequest,
  CreateImportRequest,
  GetImportRequest,
  IMPORT_PATTERNS,
  ListImportRowsRequest,
  ListImportsRequest,
  ListTenancyImportsRequest,
} from '@gatehouse/contracts';
import { CreateImport } from './usecases/create-import.usecase';
import { ReadImports } from './usecases/read-import.usecase';
import { ReceiveUpload } from './usecases/receive-upload.usecase';

@Controller()
export class MassInvitesController {
  constructor(
    private readonly createImport: CreateImport,
    private readonly readImports: ReadImports,
    private readonly receiveUpload: ReceiveUpload,
  ) {}

  @MessagePattern(IMPORT_PATTERNS.UPLOAD_BEGIN)
  uploadBegin(@Payload() request: BeginImportUploadRequest) {
    return this.receiveUpload.begin(request);
  }

  @MessagePattern(IMPORT_PATTERNS.UPLOAD_APPEND)
  uploadAppend(@Payload() request: AppendImportUploadRequest) {
    return this.receiveUpload.append(request);
  }

  @MessagePattern(IMPORT_PATTERNS.UPLOAD_ABORT)
  uploadAbort(@Payload() request: AbortImportUploadRequest) {
    return this.receiveUpload.abort(request);
  }

  @MessagePattern(IMPORT_PATTERNS.CREATE)
  create(@Payload() request: CreateImportRequest) {
    return this.createImport.execute(request);
  }

  @MessagePattern(IMPORT_PATTERNS.GET)
  get(@Payload() request: GetImportRequest) {
    return this.readImports.get(request);
  }

  @MessagePattern(IMPORT_PATTERNS.LIST)
  list(@Payload() request: ListImportsRequest) {
    return this.readImports.list(request);
  }

  @MessagePattern(IMPORT_PATTERNS.LIST_TENANCY)
  listTenancy(@Payload() request: ListTenancyImportsRequest) {
    return this.readImports.listTenancy(request);
  }

  @MessagePattern(IMPORT_PATTERNS.ROWS)
  rows(@Payload() request: ListImportRowsRequest) {
    return this.readImports.rows(request);
  }

  @MessagePattern(IMPORT_PATTERNS.REPORT_CSV)
  reportCsv(@Payload() request: GetImportRequest) {
    return this.readImports.reportCsv(request);
  }
}
