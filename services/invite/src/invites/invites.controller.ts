import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptInviteRequest,
  CreateInviteRequest,
  INVITE_PATTERNS,
  ListInvitesRequest,
  PreviewInviteRequest,
  RenewInviteLinksRequest,
  ResendInviteRequest,
  RevokeInviteRequest,
} from '@gatehouse/contracts';
import { AcceptInvite } from './usecases/accept-invite.usecase';
import { CreateInvite } from './usecases/create-invite.usecase';
import { ListInvites } from './usecases/list-invites.usecase';
import { PreviewInvite } from './usecases/preview-invite.usecase';
import { RenewInviteLinks } from './usecases/renew-invite-links.usecase';
import { ResendInvite } from './usecases/resend-invite.usecase';
import { RevokeInvite } from './usecases/revoke-invite.usecase';

/** The invite lifecycle's RPC handlers: each hands its validated request to one use case. */
@Controller()
export class InvitesController {
  constructor(
    private readonly createInvite: CreateInvite,
    private readonly listInvites: ListInvites,
    private readonly resendInvite: ResendInvite,
    private readonly revokeInvite: RevokeInvite,
    private readonly previewInvite: PreviewInvite,
    private readonly acceptInvite: AcceptInvite,
    private readonly renewInviteLinks: RenewInviteLinks,
  ) {}

  @MessagePattern(INVITE_PATTERNS.CREATE)
  create(@Payload() request: CreateInviteRequest) {
    return this.createInvite.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.LIST)
  list(@Payload() request: ListInvitesRequest) {
    return this.listInvites.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.RESEND)
  resend(@Payload() request: ResendInviteRequest) {
    return this.resendInvite.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.REVOKE)
  revoke(@Payload() request: RevokeInviteRequest) {
    return this.revokeInvite.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.RENEW_LINKS)
  renewLinks(@Payload() request: RenewInviteLinksRequest) {
    return this.renewInviteLinks.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.PREVIEW_ACCEPT)
  preview(@Payload() request: PreviewInviteRequest) {
    return this.previewInvite.execute(request);
  }

  @MessagePattern(INVITE_PATTERNS.ACCEPT)
  accept(@Payload() request: AcceptInviteRequest) {
    return this.acceptInvite.execute(request);
  }
}
