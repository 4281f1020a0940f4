import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, REGISTRATION_LINK_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { HUB_ERRORS, Operation } from '../openapi/operation';
import { UpdateRegistrationLinkBody } from './registration-link.dto';
import { RegistrationLink } from './registration-link.responses';

/**
 * A Hub's registration link. Who may do what is decided by the hub service, through the invite
 * service: Hub admins see and change it; Team Members see it (and its URL while enabled); External
 * Members get PERMISSION.DENIED, non-members HUB.NOT_FOUND.
 */
@ApiTags('registration-links')
@Controller('api/v1/hubs/:hubId/registration-link')
export class RegistrationLinkController {
  constructor(private readonly rpc: RpcClient) {}

  /** The link and its settings; a Hub that never had one reads as disabled. */
  @Get()
  @Operation({
    id: 'getRegistrationLink',
    summary: "Get a Hub's registration link and its settings",
    description: 'Hub admins and Team Members; a Hub that never had one reads as disabled.',
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: RegistrationLink })
  get(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string) {
    return this.rpc.call(REGISTRATION_LINK_PATTERNS.GET, { actor, hubId });
  }

  /** Enable/disable (`enabled`) and change the settings (Hub admins). */
  @Patch()
  @Operation({
    id: 'updateRegistrationLink',
    summary: 'Enable, disable or change the registration link',
    description: 'Hub admins only. Absent fields stay as they are.',
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: RegistrationLink })
  update(
    @CurrentActor() actor: Actor,
    @Param('hubId', uuidParam('hubId')) hubId: string,
    @Body() body: UpdateRegistrationLinkBody,
  ) {
    return this.rpc.call(REGISTRATION_LINK_PATTERNS.UPDATE, { actor, hubId, ...body });
  }

  /** A new URL; the old one stops working at once (Hub admins). */
  @Post('rotate')
  @HttpCode(200)
  @Operation({
    id: 'rotateRegistrationLink',
    summary: 'Give the registration link a new URL (the old one stops working at once)',
    description: 'Hub admins only.',
    errors: HUB_ERRORS,
  })
  @ApiOkResponse({ type: RegistrationLink })
  rotate(@CurrentActor() actor: Actor, @Param('hubId', uuidParam('hubId')) hubId: string) {
    return this.rpc.call(REGISTRATION_LINK_PATTERNS.ROTATE, { actor, hubId });
  }
}
