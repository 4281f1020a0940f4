import { normalizeEmail } from '@gatehouse/email-address';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';

/** The largest batch one event may carry (the invite service batches by thousands). */
export const MAX_EVENT_RECIPIENTS = 10000;

/**
 * Names are shown, never trusted: the producer limits them to 200 characters, a consumer only refuses
 * the absurd, so that a long name never dead-letters a whole batch of invites.
 */
export const MAX_EVENT_NAME_LENGTH = 2000;

/** The longest link an email may carry (accept, confirm and sign-in links are far shorter). */
const MAX_LINK_LENGTH = 2000;

/**
 * An address by Gatehouse's own definition (libs/email-address, the one the invite service applies),
 * so that a consumer never refuses an event for an address the rest of the system accepted. It also
 * rules out anything that could smuggle a second recipient (spaces, commas, CR/LF).
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeEmail(value).ok,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be an email address`,
      },
    },
    options,
  );
}

/**
 * A link an email will carry: absolute http(s) (a host without a dot is fine — localhost in
 * development), at most MAX_LINK_LENGTH characters.
 */
export function IsLink(): PropertyDecorator {
  return (target, property) => {
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: `${String(property)} must be an absolute http(s) URL` },
    )(target, property);
    MaxLength(MAX_LINK_LENGTH)(target, property);
  };
}

/** The rules event payloads share. */

/** Apply several property decorators as one. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => decorators.forEach((decorate) => decorate(target, property));
}

/** Text shown or recorded as it is (a display name, an address in the audit log): not absurdly long. */
export function IsShownText(): PropertyDecorator {
  return all(IsString(), MaxLength(MAX_EVENT_NAME_LENGTH));
}

/** A name shown in an email or the audit log (a Hub's, an inviter's): not blank, not absurdly long. */
export function IsShownName(): PropertyDecorator {
  return all(IsShownText(), MinLength(1));
}

/** The items of a batched event (one per invitee or member): at least one, at most MAX_EVENT_RECIPIENTS. */
export function IsEventItems(item: () => new () => object): PropertyDecorator {
  return all(
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(MAX_EVENT_RECIPIENTS),
    ValidateNested({ each: true }),
    Type(item),
  );
}

/** What every event about one Hub carries: the Hub and its tenancy. */
export class HubEventPayload {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  tenancyId!: string;
}
