import { Injectable, Logger } from '@nestjs/common';
import { MembershipView, RegistrationLinkView } from '@gatehouse/contracts';
import { PublicLinks } from '../../public-links/public-links';
import { RegistrationLinkRow, toRegistrationLinkView } from '../domain/registration-link-row';
import { RegistrationLinkTokens } from '../domain/registration-link-token';

/**
 * A link as one member sees it: Hub admins always get the URL (once a token exists), Team Members only
 * while the link is enabled. External Members never get this far (the hub refuses them).
 */
@Injectable()
export class RegistrationLinkViews {
  private readonly logger = new Logger('RegistrationLinkViews');

  constructor(
    private readonly tokens: RegistrationLinkTokens,
    private readonly urls: PublicLinks,
  ) {}

  forMember(hubId: string, row: RegistrationLinkRow | null, membership: MembershipView): RegistrationLinkView {
    const canManage = membership.isHubAdmin;
    let url: string | null = null;
    if (row?.token_sealed && (canManage || row.enabled)) {
      const token = this.tokens.unseal(row.id, row.token_sealed);
      if (token) url = this.urls.joinUrl(token);
      else
        this.logger.warn(
          `the registration link of Hub ${hubId} does not open with REGISTRATION_LINK_TOKEN_KEY (was the key changed?); rotate it to show a URL again`,
        );
    }
    return toRegistrationLinkView(hubId, row, { canManage, url });
  }
}
