/**
 * The emails the notification service can render, typed as a discriminated union (after immich):
 * the `template` name decides the shape of `vars`, so a caller cannot pair a name with the wrong data.
 * The renderer receives only these values: no list of other invitees or members ever reaches an email.
 */

export type UserType = 'TEAM_MEMBER' | 'EXTERNAL_MEMBER';

/** An invite to a person who has no account yet. */
export interface InviteEmailVars {
  hubName: string;
  inviterName: string;
  /** The recipient's own (normalised) address, shown so they know which address to register with. */
  inviteeEmail: string;
  /** Absolute http(s) link to the accept page, carrying the invite token. */
  acceptUrl: string;
  /** When the invite stops working; shown as a UTC date in words ("10 December 2026"). */
  expiresAt: string | Date;
  userType: UserType;
  /**
   * Not rendered: which invite this email is for, so a retry of it once failed can ask the invite service
   * for a new link (the failed one's link is dropped). Absent on deliveries from before it was stored.
   */
  inviteId?: string;
}

/** The short notice to a registered account that was added to a Hub straight away. */
export interface MemberAddedEmailVars {
  hubName: string;
  /** The recipient's own address. */
  memberEmail: string;
  userType: UserType;
  /** Absolute http(s) link to the sign-in page. */
  signInUrl: string;
  addedByName: string;
}

/**
 * The verification email of a sign-up through a registration link. Not an invite: no tenancy appendix
 * (the tenant's words must not lend weight to an email anyone can trigger by typing an address).
 */
export interface SignupConfirmEmailVars {
  hubName: string;
  /** The name typed at sign-up (shown so the owner recognises, or not, their own sign-up). */
  displayName: string;
  /** The recipient's own (normalised) address. */
  signupEmail: string;
  /** Absolute http(s) link to the confirm page, carrying the confirm token. */
  confirmUrl: string;
  /** When the confirm link stops working; shown as a UTC date and time. */
  expiresAt: string | Date;
  userType: UserType;
}

export type EmailTemplate =
  | { template: 'invite'; vars: InviteEmailVars }
  | { template: 'member-added'; vars: MemberAddedEmailVars }
  | { template: 'signup-confirm'; vars: SignupConfirmEmailVars };

export type EmailTemplateName = EmailTemplate['template'];

/** The vars type that belongs to one template name. */
export type EmailVars<T extends EmailTemplateName> = Extract<EmailTemplate, { template: T }>['vars'];

export const EMAIL_TEMPLATE_NAMES: readonly EmailTemplateName[] = ['invite', 'member-added', 'signup-confirm'];

export interface RenderOptions {
  /**
   * The tenancy's invite message appendix (plain text set by a tenant admin). Applies to `invite` only;
   * null, undefined or blank means "off": nothing is appended.
   */
  appendix?: string | null;
}

export interface RenderedEmail {
  /** Single line, safe to put in a header. */
  subject: string;
  html: string;
  text: string;
}
