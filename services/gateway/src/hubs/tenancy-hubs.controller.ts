import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, HUB_INVITE_STATS_PATTERNS, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation, TENANCY_ERRORS } from '../openapi/operation';
import { PageQuery } from '../http/page-query.dto';
import { TenancyHubPage } from './hubs.responses';
import { uuidParam } from '../http/uuid-param';

/**
 * The console's Hubs page. Each service counts what it owns, for one page of Hubs at a time: the hub
 * service pages the tenancy's Hubs with their member counts, then the invite service counts pending
 * invites and reads the registration links of exactly those Hubs — two calls per page, never one per Hub.
 */
@ApiTags('tenancies')
@Controller('api/v1/tenancies/:tenancyId/hubs')
export class TenancyHubsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Operation({
    id: 'listTenancyHubs',
    summary: "List a tenancy's Hubs with members, pending invites and registration-link state",
    description: 'Tenant admins of the tenancy and operators. Sorted by name.',
    errors: TENANCY_ERRORS,
  })
  @ApiOkResponse({ type: TenancyHubPage })
  async list(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: PageQuery,
  ) {
    const page = await this.rpc.call(HUB_PATTERNS.TENANCY_HUB_LIST, { actor, tenancyId, ...query });
    const hubIds = page.items.map((hub) => hub.id);
    const stats = hubIds.length
      ? (await this.rpc.call(HUB_INVITE_STATS_PATTERNS.LIST, { actor, tenancyId, hubIds })).items
      : [];
    const byHub = new Map(stats.map((row) => [row.hubId, row]));
    const items = page.items.map((hub) => ({
      ...hub,
      pendingInviteCount: byHub.get(hub.id)?.pendingInviteCount ?? 0,
      registrationLinkEnabled: byHub.get(hub.id)?.registrationLinkEnabled ?? false,
    }));
    return { ...page, items };
  }
}
