import { Type } from 'class-transformer';
import {
  Allow,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { HubEventPayload, IsEmailAddress, IsLink, IsShownName, IsShownText } from '../event-rules';
import { USER_TYPES, UserType } from '../user-type';

/**
 * Payloads of the registration-link and sign-up events (names: REGISTRATION_LINK_EVENTS, SIGNUP_EVENTS),
 * checked where they are consumed (EVENT_CONTRACTS, parseEvent).
 */

/** The settings of a link as events record them (never its token or URL). */
export class RegistrationLinkSettings {
  @IsBoolean()
  enabled!: boolean;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @ValidateIf((_, value) => value !== null)
  @IsDateString()
  expiresAt!: string | null;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  maxUses!: number | null;

  @IsArray()
  @IsString({ each: true })
  allowedDomains!: string[];
}

const SETTING_FIELDS = ['enabled', 'userType', 'expiresAt', 'maxUses', 'allowedDomains'] as const;

/** One setting that changed, from what to what (recorded as it is). */
export class RegistrationLinkChange {
  @IsIn(SETTING_FIELDS)
  field!: keyof RegistrationLinkSettings;

  @Allow()
  from!: unknown;

  @Allow()
  to!: unknown;
}

class RegistrationLinkEventBase extends HubEventPayload {
  /** Who did it: the Hub admin, or for `used` the account that joined. */
  @IsUUID()
  actorAccountId!: string;

  @IsUUID()
  linkId!: string;
}

/** invite.registration-link.enabled / disabled / rotated: the settings after the change. */
export class RegistrationLinkStateChangedPayload extends RegistrationLinkEventBase {
  @ValidateNested()
  @Type(() => RegistrationLinkSettings)
  settings!: RegistrationLinkSettings;
}

/** invite.registration-link.updated: what changed, field by field. */
export class RegistrationLinkUpdatedPayload extends RegistrationLinkEventBase {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RegistrationLinkChange)
  changes!: RegistrationLinkChange[];

  @ValidateNested()
  @Type(() => RegistrationLinkSettings)
  settings!: RegistrationLinkSettings;
}

/** invite.registration-link.used: one account joined through the link. */
export class RegistrationLinkUsedPayload extends RegistrationLinkEventBase {
  @IsUUID()
  accountId!: string;

  @IsShownText()
  email!: string;

  @IsShownText()
  displayName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsInt()
  @Min(0)
  useCount!: number;

  @ValidateIf((_, value) => value !== null)
  @IsInt()
  maxUses!: number | null;
}

/**
 * invite.signup.confirmation-requested: someone signed up through a registration link; the address
 * gets the verification email. The confirm URL carries the raw token: it exists only in this message
 * and the email (the invite service keeps its hash); published outbox rows are pruned.
 */
export class SignupConfirmationRequestedPayload {
  @IsUUID()
  signupId!: string;

  @IsUUID()
  linkId!: string;

  @IsUUID()
  hubId!: string;

  @IsShownName()
  hubName!: string;

  @IsUUID()
  tenancyId!: string;

  @IsEmailAddress()
  email!: string;

  @IsShownName()
  displayName!: string;

  @IsIn(USER_TYPES)
  userType!: UserType;

  @IsLink()
  confirmUrl!: string;

  @IsDateString()
  expiresAt!: string;
}
