import { IsStringList } from '../list-validators';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { HubActorRequest } from '../actor-request';
import { USER_TYPES, UserType } from '../user-type';
import { ChosenAccountDetails, MAX_PASSWORD_LENGTH } from './account.requests';
import { MAX_RAW_EMAIL_LENGTH, MAX_TOKEN_LENGTH } from './invite.requests';
import { MAX_REGISTRATION_LINK_DOMAINS, MAX_REGISTRATION_LINK_USES } from './registration-link.patterns';

/** Absent = leave as it is; null is refused (these settings always have a value). */
const present = (_: object, value: unknown) => value !== undefined;
/** Absent = leave as it is; null = clear the setting. */
const given = (_: object, value: unknown) => value !== undefined && value !== null;

export class GetRegistrationLinkRequest extends HubActorRequest {}

/** Hub admins: every field is optional; what is absent stays as it is. */
export class UpdateRegistrationLinkRequest extends HubActorRequest {
  @ValidateIf(present)
  @IsBoolean()
  enabled?: boolean;

  /** The user type people who join get; EXTERNAL_MEMBER unless a Hub admin sets TEAM_MEMBER. */
  @ValidateIf(present)
  @IsIn(USER_TYPES, { message: `userType must be ${USER_TYPES.join(' or ')}` })
  userType?: UserType;

  /** ISO 8601 date-time in the future; null = never expires. */
  @ValidateIf(given)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time (or null for no expiry)' })
  expiresAt?: string | null;

  /** How many accounts may join through the link in all; null = no limit. */
  @ValidateIf(given)
  @IsInt()
  @Min(1)
  @Max(MAX_REGISTRATION_LINK_USES)
  maxUses?: number | null;

  /** Exact email domains allowed to join (normalised by the invite service); empty = any domain. */
  @ValidateIf(present)
  @IsStringList({ maxItems: MAX_REGISTRATION_LINK_DOMAINS, maxLength: 253 })
  allowedDomains?: string[];
}

export class RotateRegistrationLinkRequest extends HubActorRequest {}

export class PreviewJoinRequest {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;
}

export class JoinByLinkRequest extends ChosenAccountDetails {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;

  /** Raw input: normalised (and explained when it is not an address) by the invite service. */
  @IsString()
  @MaxLength(MAX_RAW_EMAIL_LENGTH)
  email!: string;

  /** The client address the gateway saw (kept briefly with the attempt for abuse investigation). */
  @IsString()
  @MaxLength(100)
  clientAddress!: string;
}

export class PreviewSignupRequest {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;
}

export class ConfirmSignupRequest {
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;

  /** The password chosen at sign-up, typed again: who has the mailbox but not the password cannot confirm. */
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}
