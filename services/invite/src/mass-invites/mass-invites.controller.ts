import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CheckImportUploadRequest,
  CreateImportRequest,
  GetImportRequest,
  IMPORT_PATTERNS,
  ListImportRowsRequest,
  ListImportsRequest,
  ListTenancyImportsRequest,
} from '@gatehouse/contracts';
import { CreateImport } from './usecases/create-import.usecase';
import { ReadImports } from './usecases/read-import.usecase';

@Controller()
export class MassInvitesController {
  constructor(
    private readonly createImport: CreateImport,
    private readonly readImports: ReadImports,
  ) {}

  @MessagePattern(IMPORT_PATTERNS.CREATE)
  create(@Payload() request: CreateImportRequest) {
    return this.createImport.execute(request);
  }

  @MessagePattern(IMPORT_PATTERNS.UPLOAD_CHECK)
  uploadCheck(@Payload() request: CheckImportUploadRequest) {
    return this.createImport.checkUpload(request);
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
