import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreateHubBody, ListHubsQuery, ListMembersQuery, UpdateMemberBody } from './api.dto';
import { uuidParam } from './uuid-param';

@ApiTags('hubs')
@ApiBearerAuth()
@Controller('api/v1/hubs')
export class HubsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateHubBody) {
    return this.rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, ...body });
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListHubsQuery) {
    return this.rpc.call(HUB_PATTERNS.HUB_LIST, { actor, ...query });
  }

  @Get(':hubId')
  get(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string) {
    return this.rpc.call(HUB_PATTERNS.HUB_GET, { actor, hubId });
  }

  /** External Members see Team Members only. */
  @Get(':hubId/members')
  members(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Query() query: ListMembersQuery,
  ) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_LIST, { actor, hubId, ...query });
  }

  /** Change user type, set/unset Hub admin, switch invite permission (Hub admins). */
  @Patch(':hubId/members/:accountId')
  updateMember(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('accountId', uuidParam('accountId')) accountId: string,
    @Body() body: UpdateMemberBody,
  ) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_UPDATE, { actor, hubId, accountId, ...body });
  }

  @Delete(':hubId/members/:accountId')
  @HttpCode(200)
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('accountId', uuidParam('accountId')) accountId: string,
  ) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_REMOVE, { actor, hubId, accountId });
  }
}
