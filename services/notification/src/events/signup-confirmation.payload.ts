import { USER_TYPES, type SignupConfirmationRequestedPayload, type UserType } from '@gatehouse/contracts';
import { IsDateString, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsLink } from './is-link';
import { MAX_NAME_LENGTH } from './invites-issued.payload';
import { IsEmailAddress } from './is-email-address';

/** invite.signup.confirmation-requested: one verification email to the address that signed up. */
export class SignupConfirmationPayloadDto implements SignupConfirmationRequestedPayload {
  @IsUUID()
  signupId!: string;

  @IsUUID()
  linkId!: string;

  @IsUUID()
  hubId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsEmailAddress()
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  displayName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsLink()
  confirmUrl!: string;

  @IsDateString()
  expiresAt!: string;
}
