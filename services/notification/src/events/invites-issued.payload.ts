import { USER_TYPES, type InvitesIssuedPayload, type UserType } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** The largest batch one event may carry (the invite service batches by thousands). */
export const MAX_EVENT_RECIPIENTS = 10000;

const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class IssuedInviteDto {
  @IsUUID()
  inviteId!: string;

  @IsEmail()
  @MaxLength(320)
  email!: string;

  @IsUrl(HTTP_URL, { message: 'acceptUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
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
  @MaxLength(200)
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsUUID()
  inviterAccountId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  inviterName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => IssuedInviteDto)
  invites!: IssuedInviteDto[];
}
