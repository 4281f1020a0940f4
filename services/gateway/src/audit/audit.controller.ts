import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Response } from 'express';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation, TENANCY_ERRORS } from '../openapi/operation';
import { ActorNames } from './actor-names';
import { AUDIT_CSV_HEADER, auditCsvLines } from './audit-csv';
import { AuditFilterQuery, AuditQuery } from './audit.dto';
import { AuditLogPage } from './audit.responses';

/** Rows fetched from the hub per page of the CSV export. */
const EXPORT_PAGE = 500;

/**
 * A tenancy's audit log, read-only (the hub owns it and decides who may read it: tenant admins of the
 * tenancy and operators). Actors are shown by name: one account lookup per page.
 */
@ApiTags('tenancies')
@Controller('api/v1/tenancies/:tenancyId')
export class AuditController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly names: ActorNames,
  ) {}

  @Get('audit')
  @Operation({
    id: 'listAuditEntries',
    summary: "List a tenancy's audit log, newest first",
    description:
      'Tenant admins of the tenancy and operators. Filters: hubId, actorAccountId, action, correlationId ' +
      '(everything one request or one mass invite caused), from/to (ISO 8601).',
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: AuditLogPage })
  async list(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: AuditQuery,
  ): Promise<AuditLogPage> {
    const page = await this.rpc.call(HUB_PATTERNS.AUDIT_LIST, { actor, tenancyId, ...query });
    return { ...page, items: await this.names.name(page.items) };
  }

  /**
   * The filtered log as CSV, written a page at a time as the hub answers (never the whole log in memory).
   * The first page is asked before anything is written, so a refusal is still an ordinary error answer.
   */
  @Get('audit.csv')
  @Operation({
    id: 'exportAuditEntries',
    summary: "Download a tenancy's audit log (filtered) as CSV",
    description: 'Same filters as the list; newest first; every row that matches.',
    errors: TENANCY_ERRORS,
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'time, actor_name, actor_email, action, subject, hub_id, correlation_id, details (JSON)',
    schema: { type: 'string' },
  })
  async export(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: AuditFilterQuery,
    @Res() response: Response,
  ): Promise<void> {
    const pageAt = (offset: number) =>
      this.rpc.call(HUB_PATTERNS.AUDIT_LIST, { actor, tenancyId, ...query, limit: EXPORT_PAGE, offset });
    let page = await pageAt(0);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`audit-${tenancyId.slice(0, 8)}.csv`)
      .setHeader('x-content-type-options', 'nosniff');
    response.write(`\uFEFF${AUDIT_CSV_HEADER}`);
    for (let offset = 0; ;) {
      response.write(auditCsvLines(await this.names.name(page.items)));
      offset += page.items.length;
      if (page.items.length < EXPORT_PAGE || offset >= page.total) break;
      page = await pageAt(offset);
    }
    response.end();
  }
}
