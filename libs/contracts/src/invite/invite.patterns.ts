/** Request/response patterns of the invite lifecycle, served by the invite service. */
export const INVITE_PATTERNS = {
  /** Invite one email into a Hub: `added`, `invited` or `already_member`. */
  CREATE: 'invite.invite.create',
  /** Pending invites of a Hub (Hub admins: all; Team Members: their own). */
  LIST: 'invite.invite.list',
  /** A new token (the old link dies) and a new email. */
  RESEND: 'invite.invite.resend',
  REVOKE: 'invite.invite.revoke',
  /**
   * New links for pending invites whose email failed (the notification service's retry): a new token each,
   * the expiry kept, no email of its own (the caller re-sends the failed one). Tenant admins and operators.
   */
  RENEW_LINKS: 'invite.invite.renew-links',
  /** Public accept page: what the token offers. Changes nothing. */
  PREVIEW_ACCEPT: 'invite.invite.preview-accept',
  /** Public accept page: creates the account and every membership the address was invited to. */
  ACCEPT: 'invite.invite.accept',
  /** A tenancy's invites per day of the window: sent, accepted, expired (tenant admins, operators). */
  STATS: 'invite.invite.stats',
} as const;

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

export const INVITE_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const INVITE_OUTCOMES = ['added', 'invited', 'already_member'] as const;
export type InviteOutcome = (typeof INVITE_OUTCOMES)[number];
