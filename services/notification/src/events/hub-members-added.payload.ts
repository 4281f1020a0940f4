import { USER_TYPES, type MembersAddedPayload, type UserType } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLink } from './is-link';
import { MAX_EVENT_RECIPIENTS, MAX_NAME_LENGTH } from './invites-issued.payload';
import { AddedMemberDto } from './members-added-notice.payload';

export class AddedNoticeDto {
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  addedByName!: string;

  @IsLink()
  signInUrl!: string;
}

/** hub.member.added: members the hub added; with `notice`, each gets the "you were added" notice. */
export class HubMembersAddedPayloadDto implements MembersAddedPayload {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  tenancyId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  hubName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsOptional()
  @IsUUID()
  addedBy!: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_EVENT_RECIPIENTS)
  @ValidateNested({ each: true })
  @Type(() => AddedMemberDto)
  members!: AddedMemberDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AddedNoticeDto)
  notice?: AddedNoticeDto;
}
