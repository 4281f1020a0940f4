import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import {
  DATE_FIELD,
  EMAIL_ADDRESS_FIELD,
  HubEventPayload,
  IsEmailAddress,
  IsEventItems,
  IsLink,
  IsShownName,
  IsShownText,
  LINK_FIELD,
  SHOWN_TEXT_FIELD,
  UUID_FIELD,
  oneOfField,
} from '../event-rules';
import { ADDED_MEMBER_FIELDS, AddedMember } from '../hub/hub.event-payloads';
import { ItemRules } from '../list-validators';
import { USER_TYPES, UserType } from '../user-type';

/**
 * Payloads of the invite service's invite and account events (names: INVITE_EVENTS, ACCOUNT_EVENTS),
 * checked where they are consumed (EVENT_CONTRACTS, parseEvent).
 */

/** One invite of a batch (a plain object, checked by IsEventItems with ISSUED_INVITE_FIELDS). */
export interface IssuedInvite {
  inviteId: string;
  email: string;
  acceptUrl: string;
  /** ISO 8601 */
  expiresAt: string;
}

export const ISSUED_INVITE_FIELDS: ItemRules<IssuedInvite> = {
  inviteId: UUID_FIELD,
  email: EMAIL_ADDRESS_FIELD,
  acceptUrl: LINK_FIELD,
  expiresAt: DATE_FIELD,
};

/**
 * invite.invite.created and invite.invite.resent: everything the notification service needs to render
 * the invite emails without calling back. Batched (one event for up to thousands of invites of one Hub,
 * inviter and user type); each item names one invitee only, and no email shows another.
 * The accept URL carries the raw token: it exists only in this message and the email, never in a table
 * of the invite service (which keeps the hash); published outbox rows are pruned.
 */
export class InvitesIssuedPayload extends HubEventPayload {
  @IsShownName()
  hubName!: string;

  @IsUUID()
  inviterAccountId!: string;

  @IsShownName()
  inviterName!: string;

  /** Who caused this event when it is not the inviter: the member who resent the invites (for the audit log). */
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsEventItems(ISSUED_INVITE_FIELDS)
  invites!: IssuedInvite[];
}

/** invite.member.added: registered accounts added at once; each gets a short notice. */
export class MembersAddedNoticePayload extends HubEventPayload {
  @IsShownName()
  hubName!: string;

  @IsUUID()
  addedByAccountId!: string;

  @IsShownName()
  addedByName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsLink()
  signInUrl!: string;

  @IsEventItems(ADDED_MEMBER_FIELDS)
  members!: AddedMember[];

  /**
   * True when the notice itself travels in the hub's hub.member.added (recorded with the membership):
   * this event is then only the audit's and the report's. Absent in events from before that change, whose
   * notice is still sent from this event.
   */
  @IsOptional()
  @IsBoolean()
  noticeByHub?: boolean;
}

/** One invite of a state change (a plain object, checked by IsEventItems with CHANGED_INVITE_FIELDS). */
export interface ChangedInvite {
  inviteId: string;
  email: string;
  userType: UserType;
}

export const CHANGED_INVITE_FIELDS: ItemRules<ChangedInvite> = {
  inviteId: UUID_FIELD,
  email: SHOWN_TEXT_FIELD,
  userType: oneOfField(USER_TYPES),
};

/** invite.invite.revoked / accepted / expired / link-renewed: state changes for the audit log (no email is sent). */
export class InviteStateChangedPayload extends HubEventPayload {
  /** null: nobody did it (an expiry). */
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  actorAccountId!: string | null;

  @IsEventItems(CHANGED_INVITE_FIELDS)
  invites!: ChangedInvite[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** invite.account.created: an account appeared (by any route); the same three fields as an added member. */
export class AccountCreatedPayload implements AddedMember {
  @IsUUID()
  accountId!: string;

  @IsEmailAddress()
  email!: string;

  @IsShownText()
  displayName!: string;
}
