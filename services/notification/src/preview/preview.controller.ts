import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NOTIFICATION_PATTERNS, RenderPreviewRequest } from '@gatehouse/contracts';
import { RenderInvitePreview } from './render-invite-preview.usecase';

@Controller()
export class PreviewController {
  constructor(private readonly renderInvitePreview: RenderInvitePreview) {}

  @MessagePattern(NOTIFICATION_PATTERNS.PREVIEW_RENDER)
  render(@Payload() request: RenderPreviewRequest) {
    return this.renderInvitePreview.execute(request);
  }
}
