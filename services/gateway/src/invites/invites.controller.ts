import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, INVITE_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { PageQuery } from '../http/page-query.dto';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { HUB_ERRORS, Operation, withErrors } from '../openapi/operation';
import { InviteBatch } from './invite-batch';
import { CreateInviteBody, CreateInvitesBody, MAX_INVITES_PER_REQUEST } from './invites.dto';
import { CreateInviteResult, CreateInvitesResult, Invite, InvitePage } from './invites.responses';

/** What acting on one pending invite may answer. */
const PENDING_INVITE_ERRORS = withErrors(HUB_ERRORS, { 404: ['INVITE.NOT_FOUND'], 409: ['INVITE.NOT_PENDING'] });

/** Individual invites of a Hub. Who may do what is decided by the hub service, through the invite service. */
@ApiTags('invites')
@Controller('api/v1/hubs/:hubId/invites')
export class InvitesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly batch: InviteBatch,
  ) {}

  /** 201 with `outcome`: `added` (registered: a member now), `invited` (an invite email), `already_member`. */
  @Post()
  @Operation({
    id: 'createInvite',
    summary: 'Invite one address to a Hub',
    description:
      'Members who may invite; External Members may not, and only those who may invite Team Members can choose ' +
      'TEAM_MEMBER. A registered address is added at once (`added`), others get an invite email (`invited`).',
    errors: withErrors(HUB_ERRORS, { 400: ['INVITE.INVALID_EMAIL', 'INVITE.SELF'] }),
  })
  @ApiCreatedResponse({ type: CreateInviteResult })
  create(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Body() body: CreateInviteBody,
  ) {
    return this.rpc.call(INVITE_PATTERNS.CREATE, { actor, hubId, ...body });
  }

  /** Pending invites: all of them for Hub admins, their own for Team Members. */
  @Post('batch')
  @HttpCode(200)
  @Operation({
    id: 'createInvites',
    summary: 'Invite several addresses to a Hub, each with its own outcome',
    description:
      `Up to ${MAX_INVITES_PER_REQUEST} addresses, each handled as POST …/invites would, in order. An address ` +
      'that is refused (INVITE.INVALID_EMAIL, INVITE.SELF, …) gets its `error` and the others go on; when the ' +
      'caller may not invite into the Hub at all, the whole request is refused and nothing is done.',
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: CreateInvitesResult })
  createMany(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Body() body: CreateInvitesBody,
  ): Promise<CreateInvitesResult> {
    return this.batch.invite(actor, hubId, body.emails, body.userType);
  }

  @Get()
  @Operation({
    id: 'listInvites',
    summary: "List a Hub's pending invites",
    description: 'Hub admins see all pending invites, Team Members their own. Newest first.',
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: InvitePage })
  list(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string, @Query() query: PageQuery) {
    return this.rpc.call(INVITE_PATTERNS.LIST, { actor, hubId, ...query });
  }

  @Post(':inviteId/resend')
  @HttpCode(200)
  @Operation({
    id: 'resendInvite',
    summary: 'Send a pending invite again',
    description: 'A new link with a new expiry; the old link stops working.',
    errors: PENDING_INVITE_ERRORS,
  })
  @ApiOkResponse({ type: Invite })
  resend(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('inviteId', uuidParam('inviteId')) inviteId: string,
  ) {
    return this.rpc.call(INVITE_PATTERNS.RESEND, { actor, hubId, inviteId });
  }

  @Post(':inviteId/revoke')
  @HttpCode(200)
  @Operation({
    id: 'revokeInvite',
    summary: 'Revoke a pending invite',
    errors: PENDING_INVITE_ERRORS,
  })
  @ApiOkResponse({ type: Invite })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('inviteId', uuidParam('inviteId')) inviteId: string,
  ) {
    return this.rpc.call(INVITE_PATTERNS.REVOKE, { actor, hubId, inviteId });
  }

  /** The same as POST …/revoke. */
  @Delete(':inviteId')
  @HttpCode(200)
  @Operation({
    id: 'deleteInvite',
    summary: 'Revoke a pending invite (the same as POST …/revoke)',
    errors: PENDING_INVITE_ERRORS,
  })
  @ApiOkResponse({ type: Invite })
  remove(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('inviteId', uuidParam('inviteId')) inviteId: string,
  ) {
    return this.rpc.call(INVITE_PATTERNS.REVOKE, { actor, hubId, inviteId });
  }
}
