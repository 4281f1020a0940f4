import { USER_TYPES, type MembersAddedNoticePayload, type UserType } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { MAX_EVENT_RECIPIENTS, MAX_NAME_LENGTH } from './invites-issued.payload';

export class AddedMemberDto {
  @IsUUID()
  accountId!: string;

  @IsEmailAddress()
  email!: string;

  @IsString()
  @MaxLength(MAX_NAME_LENGTH)
  displayName!: string;
}

/** invite.member.added: registered accounts added to a Hub, each gets the "you were added" notice. */
export class MembersAddedNoticePayloadDto implements MembersAddedNoticePayload {
  @IsUUID()
  hubId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsUUID()
  addedByAccountId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  addedByName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsLink()
  signInUrl!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => AddedMemberDto)
  members!: AddedMemberDto[];

  @IsOptional()
  @IsBoolean()
  noticeByHub?: boolean;
}
