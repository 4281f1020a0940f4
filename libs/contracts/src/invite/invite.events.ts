import { UserType } from '../user-type';

/** Events of the invite lifecycle, published by the invite service through its outbox. */
export const INVITE_EVENTS = {
  CREATED: 'invite.invite.created',
  RESENT: 'invite.invite.resent',
  REVOKED: 'invite.invite.revoked',
  ACCEPTED: 'invite.invite.accepted',
  EXPIRED: 'invite.invite.expired',
  /** New links for invites whose email failed, re-sent by a delivery retry (for the audit log; sends nothing). */
  LINK_RENEWED: 'invite.invite.link-renewed',
  /** A registered account was added to a Hub by an invite: the "you were added to <Hub>" notice. */
  MEMBER_ADDED: 'invite.member.added',
} as const;

/**
 * invite.invite.created and invite.invite.resent: everything the notification service needs to render
 * the invite emails without calling back. Batched (one event for up to thousands of invites of one Hub,
 * inviter and user type); each item names one invitee only, and no email shows another.
 * The accept URL carries the raw token: it exists only in this message and the email, never in a table
 * of the invite service (which keeps the hash); published outbox rows are pruned.
 */
export interface InvitesIssuedPayload {
  hubId: string;
  hubName: string;
  tenancyId: string;
  inviterAccountId: string;
  inviterName: string;
  /** Who caused this event when it is not the inviter: the member who resent the invites (for the audit log). */
  actorAccountId?: string;
  userType: UserType;
  invites: { inviteId: string; email: string; acceptUrl: string; expiresAt: string }[];
}

/** invite.member.added: registered accounts added at once; each gets a short notice. */
export interface MembersAddedNoticePayload {
  hubId: string;
  hubName: string;
  tenancyId: string;
  addedByAccountId: string;
  addedByName: string;
  userType: UserType;
  signInUrl: string;
  members: { accountId: string; email: string; displayName: string }[];
  /**
   * True when the notice itself travels in the hub's hub.member.added (recorded with the membership):
   * this event is then only the audit's and the report's. Absent in events from before that change, whose
   * notice is still sent from this event.
   */
  noticeByHub?: boolean;
}

/** invite.invite.revoked / accepted / expired / link-renewed: state changes for the audit log (no email is sent). */
export interface InviteStateChangedPayload {
  hubId: string;
  tenancyId: string;
  actorAccountId: string | null;
  invites: { inviteId: string; email: string; userType: UserType }[];
  reason?: string;
}
