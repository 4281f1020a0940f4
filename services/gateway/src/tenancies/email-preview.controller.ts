import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, NOTIFICATION_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation, TENANCY_ERRORS, withErrors } from '../openapi/operation';
import { RenderPreviewBody } from './email-preview.dto';
import { EmailPreviewResponse } from './email-preview.responses';
import { TenancyAdminCheck } from './tenancy-admin-check';

/** The console's live preview of the tenancy's invite email while a tenant admin edits the appendix. */
@ApiTags('notifications')
@Controller('api/v1/tenancies/:tenancyId/policy/preview')
export class EmailPreviewController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenancyAdmins: TenancyAdminCheck,
  ) {}

  /** Renders the invite email with sample values (`{subject, html, text, appendix}`); sends nothing, stores nothing. */
  @Post()
  @HttpCode(200)
  @Operation({
    id: 'previewInviteEmail',
    summary: "Render the tenancy's invite email with sample values (sends nothing)",
    description: 'Tenant admins of the tenancy and operators.',
    errors: withErrors(TENANCY_ERRORS, { 400: ['POLICY.APPENDIX_BLANK', 'POLICY.APPENDIX_TOO_LONG'] }),
  })
  @ApiOkResponse({ type: EmailPreviewResponse })
  async render(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: RenderPreviewBody,
  ) {
    await this.tenancyAdmins.require(actor, tenancyId);
    return this.rpc.call(NOTIFICATION_PATTERNS.PREVIEW_RENDER, { actor, tenancyId, ...body });
  }
}
