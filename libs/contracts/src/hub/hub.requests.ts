import { UUID_FIELD } from '../event-rules';
import { IsItemList, ItemRules, IsUuidList } from '../list-validators';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  isEmail,
} from 'class-validator';
import { AccountIdentity, Actor } from '../actor';
import {
  ActorPageRequest,
  ActorRequest,
  HubActorRequest,
  TenancyActorPageRequest,
  TenancyActorRequest,
} from '../actor-request';
import { LogPageRequest } from '../log-filter';
import { PageRequest } from '../paging';
import { USER_TYPES, UserType } from '../user-type';
import { HUB_ACTIONS, HubAction } from './hub.actions';

export const MAX_BULK_MEMBERS = 5000;

/** An account as the hub service records it on a membership (a copy of the invite service's registry). */
export class MemberProfile extends AccountIdentity {
  /** Never empty on a membership (an actor's may be). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;
}

/** MemberProfile's decorators as field rules, with their messages, for lists checked in one pass (IsItemList). */
export const MEMBER_PROFILE_FIELDS: ItemRules<MemberProfile> = {
  accountId: UUID_FIELD,
  email: {
    problem: (value) => {
      if (typeof value === 'string' && value.length > 254) return 'must be shorter than or equal to 254 characters';
      return typeof value === 'string' && isEmail(value) ? null : 'must be an email';
    },
  },
  displayName: {
    problem: (value) =>
      typeof value === 'string' && value.length >= 1 && value.length <= 200
        ? null
        : 'must be a text of 1 to 200 characters',
  },
};

export class CreateTenancyRequest extends ActorRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    message: 'slug may hold lower-case letters, digits and inner hyphens (at most 63 characters)',
  })
  slug!: string;

  @ValidateNested()
  @Type(() => MemberProfile)
  firstAdmin!: MemberProfile;
}

export class ListTenanciesRequest extends ActorPageRequest {}

export class AddTenantAdminRequest extends TenancyActorRequest {
  @ValidateNested()
  @Type(() => MemberProfile)
  admin!: MemberProfile;
}

export class CheckTenantAdminRequest extends TenancyActorRequest {}

export class GetPolicyRequest extends TenancyActorRequest {}

export class UpdatePolicyRequest extends TenancyActorRequest {
  /**
   * The older, one-field way (kept for existing clients): a text switches the appendix on with that text;
   * null switches it off (the text is kept). undefined leaves it as it is. Length and blankness are checked
   * by the hub. Not together with the two fields below.
   */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  inviteMessageAppendix?: string | null;

  /** On or off; switching off keeps the text. Switching on needs a text (sent along or kept). */
  @IsOptional()
  @IsBoolean()
  inviteMessageAppendixEnabled?: boolean;

  /** The appendix text, kept while the appendix is off; '' or null clears it (only while off). */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  inviteMessageAppendixText?: string | null;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  inviteExpiryDays?: number;
}

export class CreateHubRequest extends TenancyActorRequest {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class ListHubsRequest extends ActorPageRequest {
  @IsOptional()
  @IsUUID()
  tenancyId?: string;
}

/** The console's Hubs page: every Hub of one tenancy, with its member count (tenant admins, operators). */
export class ListTenancyHubsRequest extends TenancyActorPageRequest {}

export class GetHubRequest extends HubActorRequest {}

/** Internal: is this account a member of that Hub, and how? */
export class GetMembershipRequest {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  accountId!: string;
}

export const MAX_MEMBER_SEARCH_LENGTH = 200;

/**
 * Lists a Hub's members. With an actor (the gateway always sends one) the caller must be a member and
 * External Members see Team Members only; without one it is an internal call that sees everyone.
 */
export class ListMembersRequest extends PageRequest {
  @IsOptional()
  @ValidateNested()
  @Type(() => Actor)
  actor?: Actor;

  @IsUUID()
  hubId!: string;

  @IsOptional()
  @IsIn(USER_TYPES)
  userType?: UserType;

  /** Part of a name or email address, any case; blank = no filter. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEMBER_SEARCH_LENGTH)
  search?: string;
}

/**
 * What the "you were added" notice needs besides the members: when an add-bulk request carries it, the
 * hub records it in hub.member.added, in the transaction that adds the members, and the notification
 * service sends the notice from that event — no gap in which a crash could lose it.
 */
export class AddedNotice {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  addedByName!: string;

  @IsString()
  @Matches(/^https?:\/\/\S+$/, { message: 'signInUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
  signInUrl!: string;
}

/** Internal, idempotent: adds accounts that are not members yet; the same batch twice gives the same state. */
export class AddMembersBulkRequest {
  @IsUUID()
  hubId!: string;

  @IsIn(USER_TYPES, { message: `userType must be one of ${USER_TYPES.join(', ')}` })
  userType!: UserType;

  @IsOptional()
  @IsUUID()
  addedBy?: string | null;

  @IsItemList(MEMBER_PROFILE_FIELDS, {
    minItems: 1,
    maxItems: MAX_BULK_MEMBERS,
    itemsAre: 'members',
    otherFields: 'refused',
  })
  members!: MemberProfile[];

  /**
   * Names the work, for a request that may run twice (the broker delivers it again after the hub died
   * holding it, or the caller sends it again after a lost answer): members this key added earlier are
   * answered as `added` again (neither announced nor audited twice).
   */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  requestKey?: string;

  /** Set when the members added are to get the "you were added" notice (an invite of registered people). */
  @IsOptional()
  @ValidateNested()
  @Type(() => AddedNotice)
  notice?: AddedNotice;
}

/** Internal: which of these accounts are members of the Hub (dry runs classify thousands at once). */
export class FindMembersRequest {
  @IsUUID()
  hubId!: string;

  @IsUuidList({ maxItems: MAX_BULK_MEMBERS })
  accountIds!: string[];
}

export class UpdateMemberRequest extends HubActorRequest {
  @IsUUID()
  accountId!: string;

  @IsOptional()
  @IsIn(USER_TYPES, { message: `userType must be one of ${USER_TYPES.join(', ')}` })
  userType?: UserType;

  @IsOptional()
  @IsBoolean()
  isHubAdmin?: boolean;

  @IsOptional()
  @IsBoolean()
  canInvite?: boolean;
}

export class RemoveMemberRequest extends HubActorRequest {
  @IsUUID()
  accountId!: string;
}

/** Internal: may this account do that in this Hub? The answer carries what the caller needs next. */
export class CheckPermissionRequest {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  accountId!: string;

  @IsIn(HUB_ACTIONS)
  action!: HubAction;

  /** For `invite`: the user type the invitees would get. */
  @IsOptional()
  @IsIn(USER_TYPES)
  userType?: UserType;
}

export class ListAuditRequest extends LogPageRequest {
  @IsUUID()
  tenancyId!: string;

  @IsOptional()
  @IsUUID()
  hubId?: string;

  /** Who did it (an account id). */
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  /** One action, e.g. invite.sent. */
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action is an audit action such as invite.sent' })
  action?: string;
}

/** The longest invite message appendix a tenant admin may set (characters). */
export const MAX_APPENDIX_LENGTH = 2000;
