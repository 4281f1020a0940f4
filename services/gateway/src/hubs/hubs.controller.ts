import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { CurrentActor } from '../auth/current-actor.decorator';
import { HUB_ERRORS, Operation, TENANCY_ERRORS, withErrors } from '../openapi/operation';
import { CreateHubBody, ListHubsQuery, ListMembersQuery, UpdateMemberBody } from './hubs.dto';
import { HubWithMembership, HubWithMembershipPage, MemberRemoved, Membership, MembershipPage } from './hubs.responses';
import { uuidParam } from '../http/uuid-param';

@ApiTags('hubs')
@Controller('api/v1/hubs')
export class HubsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Operation({
    id: 'createHub',
    summary: 'Create a Hub',
    description: 'Tenant admins (and operators). The creator becomes its first Hub admin, a Team Member.',
    errors: withErrors(TENANCY_ERRORS, { 409: ['HUB.NAME_TAKEN'] }),
  })
  @ApiCreatedResponse({ type: HubWithMembership })
  create(@CurrentActor() actor: Actor, @Body() body: CreateHubBody) {
    return this.rpc.call(HUB_PATTERNS.HUB_CREATE, { actor, ...body });
  }

  @Get()
  @Operation({
    id: 'listHubs',
    summary: 'List Hubs',
    description:
      'Without `tenancyId`: the Hubs the caller belongs to. With the `tenancyId` of a tenancy the caller administers ' +
      "(or as an operator): every Hub of it. Each item carries the caller's own `membership`, null where the caller " +
      'is not a member.',
    errors: { 400: ['VALIDATION.FAILED'] },
  })
  @ApiOkResponse({ type: HubWithMembershipPage })
  list(@CurrentActor() actor: Actor, @Query() query: ListHubsQuery) {
    return this.rpc.call(HUB_PATTERNS.HUB_LIST, { actor, ...query });
  }

  @Get(':hubId')
  @Operation({
    id: 'getHub',
    summary: 'Get a Hub and your membership of it',
    errors: { 400: ['VALIDATION.FAILED'], 404: ['HUB.NOT_FOUND'] },
  })
  @ApiOkResponse({ type: HubWithMembership })
  get(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string) {
    return this.rpc.call(HUB_PATTERNS.HUB_GET, { actor, hubId });
  }

  /** External Members see Team Members only. */
  @Get(':hubId/members')
  @Operation({
    id: 'listMembers',
    summary: "List a Hub's members (Contacts)",
    description:
      'Members see the members of their Hubs; External Members see Team Members only. Sorted by name. ' +
      '`search` keeps those whose name or email contains it (any case).',
    errors: { 400: ['VALIDATION.FAILED'], 404: ['HUB.NOT_FOUND'] },
  })
  @ApiOkResponse({ type: MembershipPage })
  members(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Query() query: ListMembersQuery,
  ) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_LIST, { actor, hubId, ...query });
  }

  /** Change user type, set/unset Hub admin, switch invite permission (Hub admins). */
  @Patch(':hubId/members/:accountId')
  @Operation({
    id: 'updateMember',
    summary: "Change a member's user type, Hub admin role or invite permission",
    description: 'Hub admins only.',
    errors: withErrors(HUB_ERRORS, {
      404: ['MEMBER.NOT_FOUND'],
      409: ['MEMBER.LAST_ADMIN', 'MEMBER.ADMIN_MUST_BE_TEAM_MEMBER'],
    }),
  })
  @ApiOkResponse({ type: Membership })
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
  @Operation({
    id: 'removeMember',
    summary: 'Remove a member from a Hub',
    description: 'Hub admins only. The last Hub admin cannot be removed.',
    errors: withErrors(HUB_ERRORS, { 404: ['MEMBER.NOT_FOUND'], 409: ['MEMBER.LAST_ADMIN'] }),
  })
  @ApiOkResponse({ type: MemberRemoved })
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('accountId', uuidParam('accountId')) accountId: string,
  ) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_REMOVE, { actor, hubId, accountId });
  }
}
