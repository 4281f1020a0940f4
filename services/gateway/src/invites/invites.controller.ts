import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, INVITE_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { PageQuery } from '../api/api.dto';
import { uuidParam } from '../api/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CreateInviteBody } from './invites.dto';

/** Individual invites of a Hub. Who may do what is decided by the hub service, through the invite service. */
@ApiTags('invites')
@ApiBearerAuth()
@Controller('api/v1/hubs/:hubId/invites')
export class InvitesController {
  constructor(private readonly rpc: RpcClient) {}

  /** 201 with `outcome`: `added` (registered: a member now), `invited` (an invite email), `already_member`. */
  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Body() body: CreateInviteBody,
  ) {
    return this.rpc.call(INVITE_PATTERNS.CREATE, { actor, hubId, ...body });
  }

  /** Pending invites: all of them for Hub admins, their own for Team Members. */
  @Get()
  list(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string, @Query() query: PageQuery) {
    return this.rpc.call(INVITE_PATTERNS.LIST, { actor, hubId, ...query });
  }

  @Post(':inviteId/resend')
  @HttpCode(200)
  resend(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('inviteId', uuidParam('inviteId')) inviteId: string,
  ) {
    return this.rpc.call(INVITE_PATTERNS.RESEND, { actor, hubId, inviteId });
  }

  @Post(':inviteId/revoke')
  @HttpCode(200)
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
  remove(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Param('inviteId', uuidParam('inviteId')) inviteId: string,
  ) {
    return this.rpc.call(INVITE_PATTERNS.REVOKE, { actor, hubId, inviteId });
  }
}
