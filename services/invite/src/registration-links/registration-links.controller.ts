import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConfirmSignupRequest,
  GetRegistrationLinkRequest,
  JoinByLinkRequest,
  PreviewJoinRequest,
  PreviewSignupRequest,
  REGISTRATION_LINK_PATTERNS,
  RotateRegistrationLinkRequest,
  UpdateRegistrationLinkRequest,
} from '@gatehouse/contracts';
import { ConfirmSignup } from './usecases/confirm-signup.usecase';
import { GetRegistrationLink } from './usecases/get-registration-link.usecase';
import { JoinByLink } from './usecases/join-by-link.usecase';
import { PreviewJoin } from './usecases/preview-join.usecase';
import { RotateRegistrationLink } from './usecases/rotate-registration-link.usecase';
import { UpdateRegistrationLink } from './usecases/update-registration-link.usecase';

/** RPC handlers of the registration links (libs/contracts REGISTRATION_LINK_PATTERNS). */
@Controller()
export class RegistrationLinksController {
  constructor(
    private readonly getLink: GetRegistrationLink,
    private readonly updateLink: UpdateRegistrationLink,
    private readonly rotateLink: RotateRegistrationLink,
    private readonly previewJoin: PreviewJoin,
    private readonly joinByLink: JoinByLink,
    private readonly confirmSignup: ConfirmSignup,
  ) {}

  @MessagePattern(REGISTRATION_LINK_PATTERNS.GET)
  get(@Payload() request: GetRegistrationLinkRequest) {
    return this.getLink.execute(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.UPDATE)
  update(@Payload() request: UpdateRegistrationLinkRequest) {
    return this.updateLink.execute(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.ROTATE)
  rotate(@Payload() request: RotateRegistrationLinkRequest) {
    return this.rotateLink.execute(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.PREVIEW_JOIN)
  preview(@Payload() request: PreviewJoinRequest) {
    return this.previewJoin.execute(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.JOIN)
  join(@Payload() request: JoinByLinkRequest) {
    return this.joinByLink.execute(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP)
  previewSignup(@Payload() request: PreviewSignupRequest) {
    return this.confirmSignup.preview(request);
  }

  @MessagePattern(REGISTRATION_LINK_PATTERNS.CONFIRM_SIGNUP)
  confirm(@Payload() request: ConfirmSignupRequest) {
    return this.confirmSignup.execute(request);
  }
}
