import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { HubEventPayload, IsEmailAddress, IsEventItems, IsLink, IsShownName, IsShownText } from '../event-rules';
import { AddedMember } from '../hub/hub.event-payloads';
import { USER_TYPES, UserType } from '../user-type';

/**
 * Payloads of the invite service's invite and account events (names: INVITE_EVENTS, ACCOUNT_EVENTS),
 * checked where they are consumed (EVENT_CONTRACTS, parseEvent).
 */

export class IssuedInvite {
  @IsUUID()
  inviteId!: string;

  @IsEmailAddress()
  email!: string;

  @IsLink()
  acceptUrl!: string;

  @IsDateString()
  expiresAt!: string;
}

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

  @IsEventItems(() => IssuedInvite)
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

  @IsEventItems(() => AddedMember)
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

export class ChangedInvite {
  @IsUUID()
  inviteId!: string;

  @IsShownText()
  email!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;
}

/** invite.invite.revoked / accepted / expired / link-renewed: state changes for the audit log (no email is sent). */
export class InviteStateChangedPayload extends HubEventPayload {
  /** null: nobody did it (an expiry). */
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  actorAccountId!: string | null;

  @IsEventItems(() => ChangedInvite)
  invites!: ChangedInvite[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

/** invite.account.created: an account appeared (by any route); the same three fields as an added member. */
export class AccountCreatedPayload extends AddedMember {}
