import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EMAIL_ADDRESS_FIELD,
  HubEventPayload,
  IsEventItems,
  IsLink,
  IsShownName,
  IsShownText,
  SHOWN_TEXT_FIELD,
  UUID_FIELD,
} from '../event-rules';
import { ItemRules } from '../list-validators';
import { USER_TYPES, UserType } from '../user-type';
import { MembershipView } from './hub.views';

/**
 * Payloads of the hub's events (names: HUB_EVENTS), checked where they are consumed (EVENT_CONTRACTS,
 * parseEvent). Who-did-it fields that may name a system actor are strings, not account ids.
 */

/** One account added to a Hub, as hub.member.added and invite.member.added name it. */
export interface AddedMember {
  accountId: string;
  email: string;
  displayName: string;
}

/** AddedMember's rules, for IsEventItems (AccountCreatedPayload states the same ones as decorators). */
export const ADDED_MEMBER_FIELDS: ItemRules<AddedMember> = {
  accountId: UUID_FIELD,
  email: EMAIL_ADDRESS_FIELD,
  displayName: SHOWN_TEXT_FIELD,
};

/** The "you were added" notice a hub.member.added carries when its members are to get it. */
export class MembersAddedNotice {
  @IsShownName()
  addedByName!: string;

  @IsLink()
  signInUrl!: string;
}

/** hub.member.added: members the hub added; with `notice`, each gets the "you were added" notice. */
export class MembersAddedPayload extends HubEventPayload {
  @IsShownName()
  hubName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsOptional()
  @IsUUID()
  addedBy!: string | null;

  @IsEventItems(ADDED_MEMBER_FIELDS)
  members!: AddedMember[];

  /** Present when the members are to get the "you were added" notice (see AddedNotice). */
  @IsOptional()
  @ValidateNested()
  @Type(() => MembersAddedNotice)
  notice?: MembersAddedNotice;
}

/** hub.member.removed */
export class MemberRemovedPayload extends HubEventPayload {
  @IsUUID()
  accountId!: string;

  @IsString()
  @MaxLength(200)
  removedBy!: string;
}

/** A membership before or after a change, as hub.member.changed carries it. */
export class ChangedMembership implements MembershipView {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  accountId!: string;

  @IsShownText()
  email!: string;

  @IsShownText()
  displayName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsBoolean()
  isHubAdmin!: boolean;

  @IsBoolean()
  canInvite!: boolean;

  @IsDateString()
  joinedAt!: string;
}

/** hub.member.changed: the membership before and after (user type, Hub admin, invite permission). */
export class MemberChangedPayload extends HubEventPayload {
  @IsString()
  @MaxLength(200)
  changedBy!: string;

  @ValidateNested()
  @Type(() => ChangedMembership)
  before!: ChangedMembership;

  @ValidateNested()
  @Type(() => ChangedMembership)
  after!: ChangedMembership;
}

/** hub.policy.changed: the whole policy after the change, with its version. */
export class PolicyChangedPayload {
  @IsUUID()
  tenancyId!: string;

  /** null: the appendix is off. The hub has checked length and blankness. */
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(20000)
  inviteMessageAppendix!: string | null;

  @IsInt()
  @Min(1)
  @Max(365)
  inviteExpiryDays!: number;

  @IsInt()
  @Min(1)
  version!: number;

  /** An account id, or a system actor's. */
  @IsString()
  @MaxLength(200)
  changedBy!: string;

  @IsDateString()
  updatedAt!: string;
}
