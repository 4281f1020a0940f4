import { MembershipView } from '../hub/hub.views';
import { UserType } from '../user-type';
import { AccountView } from './account.views';
import { InviteOutcome, InviteStatus } from './invite.patterns';

export interface InviteView {
  id: string;
  hubId: string;
  tenancyId: string;
  hubName: string;
  /** Normalised. */
  email: string;
  userType: UserType;
  /** As of now: a pending invite past its expiry reads as `expired`, even before the sweep marks it. */
  status: InviteStatus;
  inviterAccountId: string;
  inviterName: string;
  createdAt: string;
  expiresAt: string;
  /** When the invite email last went out (the first send, or the latest resend). */
  lastSentAt: string;
  /** How many times the invite email was sent (1 + resends). */
  sendCount: number;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface CreateInviteResult {
  outcome: InviteOutcome;
  /** The address as Gatehouse stores it (normalised). */
  email: string;
  /** `added` and `already_member`: the membership as the hub records it. */
  membership?: MembershipView;
  /** `invited`: the pending invite (a new one, or the one that was pending already). */
  invite?: InviteView;
  /** Whether an email goes out because of this request (new invite, resend, or the "added" notice). */
  emailSent: boolean;
}

/** What the public accept page shows; never the token or its hash. */
export interface InvitePreview {
  status: InviteStatus;
  email: string;
  hubName: string;
  inviterName: string;
  userType: UserType;
  expiresAt: string;
}

export interface AcceptInviteResult {
  account: AccountView;
  /** The Hub of the invite whose link was used (where the accept page sends the new member). */
  hubId: string;
  /**
   * Every Hub the address had a pending invite for. `granted: false` means the hub service has not
   * confirmed the membership yet; the invite service keeps retrying until it has.
   */
  memberships: { hubId: string; hubName: string; userType: UserType; granted: boolean }[];
}

/**
 * What RENEW_LINKS did, per invite asked about. `renewed`: a new link (the raw token, only in this answer and
 * the email), the expiry unchanged. `refused`: why not — the invite is no longer pending (accepted, revoked,
 * expired), was `resent` since the failed email (its newer email carries the live link), or is `not_found`
 * in the tenancy.
 */
export interface RenewInviteLinksResult {
  renewed: { inviteId: string; acceptUrl: string; expiresAt: string }[];
  refused: { inviteId: string; reason: InviteLinkRefusal }[];
}

export type InviteLinkRefusal = 'accepted' | 'revoked' | 'expired' | 'resent' | 'not_found';
