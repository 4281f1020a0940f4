import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, IMPORT_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation, TENANCY_ERRORS } from '../openapi/operation';
import { TenancyImportsQuery } from './imports.dto';
import { ImportJobPage } from './imports.responses';

/** The console's imports page: every mass invite of a tenancy (the invite service asks the hub who may). */
@ApiTags('mass-invites')
@Controller('api/v1/tenancies/:tenancyId/invite-imports')
export class TenancyImportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Operation({
    id: 'listTenancyImports',
    summary: 'List every mass invite of a tenancy, newest first',
    description:
      'Tenant admins of the tenancy and operators. `hubId` and `status` narrow it; a running job counts its ' +
      'outcomes from the rows decided so far. Open one with GET /api/v1/invite-imports/{jobId}.',
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: ImportJobPage })
  list(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: TenancyImportsQuery,
  ) {
    return this.rpc.call(IMPORT_PATTERNS.LIST_TENANCY, { actor, tenancyId, ...query });
  }
}
