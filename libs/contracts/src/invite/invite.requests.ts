import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { HubActorPageRequest, HubActorRequest, TenancyActorRequest } from '../actor-request';
import { USER_TYPES, UserType } from '../user-type';
import { ChosenAccountDetails } from './account.requests';

/** What a person sees when they leave out the user type: PRODUCT.md makes choosing one compulsory. */
export const USER_TYPE_REQUIRED_MESSAGE = `userType is required: ${USER_TYPES.join(' or ')}`;

/** The user type of an invite: required, one of USER_TYPES, with one clear sentence either way. */
export function IsRequiredUserType(): PropertyDecorator {
  return IsIn(USER_TYPES, {
    message: ({ value }) =>
      value === undefined || value === null || value === ''
        ? USER_TYPE_REQUIRED_MESSAGE
        : `userType must be ${USER_TYPES.join(' or ')}`,
  });
}

/** Raw input, normalised by the invite service (which explains what is wrong with a bad address). */
export const MAX_RAW_EMAIL_LENGTH = 320;
/** Raw invite tokens are 43 base64url characters; anything much longer is not ours. */
export const MAX_TOKEN_LENGTH = 100;

export class CreateInviteRequest extends HubActorRequest {
  @IsString()
  @MaxLength(MAX_RAW_EMAIL_LENGTH)
  email!: string;

  @IsRequiredUserType()
  userType!: UserType;

  /** Send the invite email again when a pending invite exists already (a new token; the old link dies). */
  @IsOptional()
  @IsBoolean()
  resend?: boolean;
}

export class ListInvitesRequest extends HubActorPageRequest {}

export class ResendInviteRequest extends HubActorRequest {
  @IsUUID()
  inviteId!: string;
}

export class RevokeInviteRequest extends HubActorRequest {
  @IsUUID()
  inviteId!: string;
}

/** The most invites one RENEW_LINKS call renews (a bulk retry of a larger import calls once per chunk). */
export const MAX_RENEW_LINKS = 2_000;

/** One invite whose email failed, and when that email was asked for (the delivery's creation). */
export class InviteLinkToRenew {
  @IsUUID()
  inviteId!: string;

  /** ISO 8601. An invite sent again after this (a resend) already has a newer email with a live link. */
  @IsDateString()
  emailCreatedAt!: string;
}

export class RenewInviteLinksRequest extends TenancyActorRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RENEW_LINKS)
  @ValidateNested({ each: true })
  @Type(() => InviteLinkToRenew)
  invites!: InviteLinkToRenew[];
}

export class PreviewInviteRequest {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;
}

export class AcceptInviteRequest extends ChosenAccountDetails {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;
}
