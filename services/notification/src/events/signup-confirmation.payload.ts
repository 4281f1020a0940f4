import { USER_TYPES, type SignupConfirmationRequestedPayload, type UserType } from '@gatehouse/contracts';
import { IsDateString, IsIn, IsString, IsUUID, IsUrl, MaxLength, MinLength } from 'class-validator';
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

  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'confirmUrl must be an absolute http(s) URL' },
  )
  @MaxLength(2000)
  confirmUrl!: string;

  @IsDateString()
  expiresAt!: string;
}
