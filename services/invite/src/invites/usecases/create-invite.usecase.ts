import { Injectable } from '@nestjs/common';
import { CreateInviteRequest, CreateInviteResult, ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { EmailDecision, InviteBatchDecider, ResendScope } from '../decide/invite-batch.decider';
import { InviteErrors } from '../domain/invite-errors';
import { toInviteView } from '../domain/invite-row';
import { HubClient } from '../../hub/hub-client';

/**
 * An individual invite: the hub decides whether the caller may invite with this user type, then the
 * batch decider decides this one address (`added`, `invited` or `already_member`).
 */
@Injectable()
export class CreateInvite {
  constructor(
    private readonly hubs: HubClient,
    private readonly decider: InviteBatchDecider,
  ) {}

  async execute(request: CreateInviteRequest): Promise<CreateInviteResult> {
    const { actor, hubId, userType } = request;
    const normalised = normalizeEmail(request.email);
    if (!normalised.ok) throw InviteErrors.invalidEmail(request.email, normalised.reason);
    const email = normalised.email;

    const access = await this.hubs.authorise(actor.accountId, hubId, 'invite', userType);
    if (isSelf(email, [actor.email, access.membership.email])) throw InviteErrors.self();
    const resend: ResendScope = request.resend
      ? ((await this.hubs.authorise(actor.accountId, hubId, 'invites.resend')).scope ?? 'own')
      : 'none';

    const { decisions } = await this.decider.decide({
      hub: access.hub,
      inviter: { accountId: actor.accountId, name: access.membership.displayName },
      userType,
      expiryDays: access.inviteExpiryDays,
      emails: [email],
      resend,
    });
    return this.describe(hubId, decisions[0]);
  }

  private async describe(hubId: string, decision: EmailDecision): Promise<CreateInviteResult> {
    if (decision.outcome === 'invited') {
      return {
        outcome: 'invited',
        email: decision.email,
        invite: toInviteView(decision.invite),
        emailSent: decision.emailSent,
      };
    }
    const membership = await this.hubs.membership(hubId, decision.accountId);
    if (!membership) {
      // Added a moment ago and removed again since: say what happened rather than invent a membership.
      throw new DomainError(
        ERROR_CODES.MEMBER_NOT_FOUND,
        'The account was added to the Hub but is no longer a member.',
      );
    }
    return { outcome: decision.outcome, email: decision.email, membership, emailSent: decision.outcome === 'added' };
  }
}

function isSelf(email: string, ownAddresses: string[]): boolean {
  return ownAddresses.some((own) => {
    const normalised = normalizeEmail(own);
    return normalised.ok && normalised.email === email;
  });
}
