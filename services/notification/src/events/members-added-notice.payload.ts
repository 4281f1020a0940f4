import { USER_TYPES, type MembersAddedNoticePayload, type UserType } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  IsUrl,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_EVENT_RECIPIENTS } from './invites-issued.payload';

export class AddedMemberDto {
  @IsUUID()
  accountId!: string;

  @IsEmail()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(200)
  displayName!: string;
}

/** invite.member.added: registered accounts added to a Hub, each gets the "you were added" notice. */
export class MembersAddedNoticePayloadDto implements MembersAddedNoticePayload {
  @IsUUID()
  hubId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsUUID()
  addedByAccountId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  addedByName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'signInUrl must be an absolute http(s) URL' },
  )
  @MaxLength(2000)
  signInUrl!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => AddedMemberDto)
  members!: AddedMemberDto[];
}
