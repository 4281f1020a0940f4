import { USER_TYPES, type InvitesIssuedPayload, type UserType } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLink } from './is-link';
import { IsEmailAddress } from './is-email-address';

/** The largest batch one event may carry (the invite service batches by thousands). */
export const MAX_EVENT_RECIPIENTS = 10000;

/**
 * Names are shown, never trusted: the producer limits them to 200 characters, this side only refuses
 * the absurd, so that a long name never dead-letters a whole batch of invites.
 */
export const MAX_NAME_LENGTH = 2000;

export class IssuedInviteDto {
  @IsUUID()
  inviteId!: string;

  @IsEmailAddress()
  email!: string;

  @IsLink()
  acceptUrl!: string;

  @IsDateString()
  expiresAt!: string;
}

/** invite.invite.created / invite.invite.resent, checked before anything is queued. */
export class InvitesIssuedPayloadDto implements InvitesIssuedPayload {
  @IsUUID()
  hubId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsUUID()
  inviterAccountId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  inviterName!: string;

  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => IssuedInviteDto)
  invites!: IssuedInviteDto[];
}
