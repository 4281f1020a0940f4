import { Injectable } from '@nestjs/common';
import { ERROR_CODES, RenderPreviewRequest, RenderedEmailView, DomainError } from '@gatehouse/contracts';
import { PolicyReadModel } from '../policy/policy-read-model';
import { TemplateRenderer, normalizeAppendix, validateAppendix } from '../rendering';

/** Invite expiry shown in a preview when the tenancy's policy has not reached us yet (the hub's default). */
const DEFAULT_EXPIRY_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The invite email of a tenancy as an invitee would get it, with sample values, rendered and not sent:
 * the console's live preview while a tenant admin edits the appendix.
 */
@Injectable()
export class RenderInvitePreview {
  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly policies: PolicyReadModel,
  ) {}

  async execute(request: RenderPreviewRequest): Promise<RenderedEmailView> {
    const policy = await this.policies.get(request.tenancyId);
    let appendix: string | null;
    if (request.appendix === undefined) {
      appendix = normalizeAppendix(policy?.inviteMessageAppendix);
    } else {
      const checked = validateAppendix(request.appendix);
      if (!checked.ok) {
        const code =
          checked.code === 'POLICY.APPENDIX_BLANK'
            ? ERROR_CODES.POLICY_APPENDIX_BLANK
            : ERROR_CODES.POLICY_APPENDIX_TOO_LONG;
        throw new DomainError(code, checked.message);
      }
      appendix = checked.value;
    }
    const expiryDays = request.inviteExpiryDays ?? policy?.inviteExpiryDays ?? DEFAULT_EXPIRY_DAYS;
    const email = this.renderer.render(
      'invite',
      {
        hubName: request.hubName ?? 'Example Hub',
        inviterName: request.actor.displayName,
        inviteeEmail: 'invitee@example.com',
        acceptUrl: 'https://gatehouse.example/invites/accept?token=preview',
        expiresAt: new Date(Date.now() + expiryDays * DAY_MS),
        userType: request.userType ?? 'TEAM_MEMBER',
      },
      { appendix },
    );
    return { ...email, appendix };
  }
}
