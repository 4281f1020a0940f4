import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NOTIFICATION_PATTERNS, RenderPreviewRequest } from '@gatehouse/contracts';
import { InvitePreviewService } from './render-invite-preview.usecase';

@Controller()
export class PreviewController {
  constructor(private readonly preview: InvitePreviewService) {}

  @MessagePattern(NOTIFICATION_PATTERNS.PREVIEW_RENDER)
  render(@Payload() request: RenderPreviewRequest) {
    return this.preview.render(request);
  }
}
