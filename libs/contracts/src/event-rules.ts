import { normalizeEmail } from '@gatehouse/email-address';
import { Transform } from 'class-transformer';
import {
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidationOptions,
  isDateString,
  isIn,
  isURL,
  isUUID,
} from 'class-validator';
import { FieldRule, IsItemList, ItemRules } from './list-validators';

/** The largest batch one event may carry (the invite service batches by thousands). */
export const MAX_EVENT_RECIPIENTS = 10000;

/**
 * Names are shown, never trusted: the producer limits them to 200 characters, a consumer only refuses
 * the absurd, so that a long name never dead-letters a whole batch of invites.
 */
export const MAX_EVENT_NAME_LENGTH = 2000;

/** The longest link an email may carry (accept, confirm and sign-in links are far shorter). */
const MAX_LINK_LENGTH = 2000;

const LINK_URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

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
        validate: (value: unknown) => EMAIL_ADDRESS_FIELD.problem(value) === null,
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
    IsUrl(LINK_URL_OPTIONS, { message: `${String(property)} must be an absolute http(s) URL` })(target, property);
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

/**
 * The rules above (and @IsUUID, @IsDateString, @IsIn) as field rules of list items, with
 * class-validator's own tests and messages, for the one-pass checks of IsEventItems.
 */
export const UUID_FIELD: FieldRule = { problem: (value) => (isUUID(value) ? null : 'must be a UUID') };

export const DATE_FIELD: FieldRule = {
  problem: (value) => (isDateString(value) ? null : 'must be a valid ISO 8601 date string'),
};

export const EMAIL_ADDRESS_FIELD: FieldRule = {
  problem: (value) => (typeof value === 'string' && normalizeEmail(value).ok ? null : 'must be an email address'),
};

export const LINK_FIELD: FieldRule = {
  problem: (value) => {
    if (typeof value !== 'string' || !isURL(value, LINK_URL_OPTIONS)) return 'must be an absolute http(s) URL';
    return value.length > MAX_LINK_LENGTH ? `must be shorter than or equal to ${MAX_LINK_LENGTH} characters` : null;
  },
};

export const SHOWN_TEXT_FIELD: FieldRule = {
  problem: (value) => {
    if (typeof value !== 'string') return 'must be a string';
    return value.length > MAX_EVENT_NAME_LENGTH
      ? `must be shorter than or equal to ${MAX_EVENT_NAME_LENGTH} characters`
      : null;
  },
};

export function oneOfField(values: readonly string[]): FieldRule {
  return {
    problem: (value) => (isIn(value, values) ? null : `must be one of the following values: ${values.join(', ')}`),
  };
}

/**
 * The items of a batched event (one per invitee or member): at least one, at most MAX_EVENT_RECIPIENTS,
 * each a plain object with `fields` only (others dropped, as the whitelist drops unknown fields) and
 * checked in one pass: a 1,000-invite event is no longer 1,000 class instances through class-validator's
 * per-item machinery (docs/performance.md, "Validation of long lists").
 */
export function IsEventItems<T>(fields: ItemRules<T>): PropertyDecorator {
  const names = Object.keys(fields);
  return all(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => keepFields(obj[key], names), {
      toClassOnly: true,
    }),
    IsItemList(fields, { minItems: 1, maxItems: MAX_EVENT_RECIPIENTS }),
  );
}

/** Each object of a list with only the named fields; anything else as it is (for the check to refuse). */
function keepFields(list: unknown, names: readonly string[]): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const kept: Record<string, unknown> = {};
    for (const name of names) {
      if (name in item) kept[name] = (item as Record<string, unknown>)[name];
    }
    return kept;
  });
}

/** What every event about one Hub carries: the Hub and its tenancy. */
export class HubEventPayload {
  @IsUUID()
  hubId!: string;

  @IsUUID()
  tenancyId!: string;
}
