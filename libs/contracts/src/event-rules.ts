import { normalizeEmail } from '@gatehouse/email-address';
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
/** validator.js's default `max_allowed_length` of isURL (LINK_URL_OPTIONS keeps it). */
const MAX_URL_LENGTH_OF_ISURL = 2084;

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
    if (typeof value !== 'string' || !isLink(value)) return 'must be an absolute http(s) URL';
    return value.length > MAX_LINK_LENGTH ? `must be shorter than or equal to ${MAX_LINK_LENGTH} characters` : null;
  },
};

/** `scheme://authority/`: the start of a link up to its path, with no query or fragment in it. */
const ORIGIN_AND_SLASH = /^[a-z][a-z0-9+\-.]*:\/\/[^/?#]*\//i;
/** What validator.js's isURL refuses anywhere in a URL, whatever its host. */
const NEVER_IN_URL = /[\s<>]/;
/** The start (ORIGIN_AND_SLASH) of the last link isURL accepted. */
let acceptedOrigin: string | null = null;

/**
 * isURL(value, LINK_URL_OPTIONS), with the answer for the link's origin remembered. isURL looks at a whole
 * link only for spaces, `<`, `>` and its length; everything else it checks is in the part before the first
 * `/` after `scheme://` (it never reads the path). So a link that starts with an accepted link's
 * `scheme://authority/` and passes those whole-link tests gets the same answer; the thousand links of one
 * event share their origin, and isURL was ~8 % of a consumer's CPU per invite (docs/performance.md).
 */
function isLink(value: string): boolean {
  if (acceptedOrigin !== null && value.startsWith(acceptedOrigin)) {
    return !NEVER_IN_URL.test(value) && value.length <= MAX_URL_LENGTH_OF_ISURL;
  }
  if (!isURL(value, LINK_URL_OPTIONS)) return false;
  acceptedOrigin = ORIGIN_AND_SLASH.exec(value)?.[0] ?? acceptedOrigin;
  return true;
}

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
  return (target, property) => {
    const lists = EVENT_ITEM_LISTS.get(target.constructor) ?? new Map<string, readonly string[]>();
    EVENT_ITEM_LISTS.set(target.constructor, lists.set(String(property), names));
    IsItemList(fields, { minItems: 1, maxItems: MAX_EVENT_RECIPIENTS })(target, property);
  };
}

/** Per payload class, its IsEventItems properties and the fields each item keeps. */
const EVENT_ITEM_LISTS = new Map<object, Map<string, readonly string[]>>();

/**
 * A payload whose item lists (IsEventItems, also of a parent class) hold each item cut to its fields, as
 * the whitelist would drop unknown fields: the lists then go to the check as they are (toInstance), not
 * copied by class-transformer item by item (~9 % of a consumer's CPU per invite of a mass invite,
 * docs/performance.md). The payload itself is copied, not changed.
 */
export function withEventItemsCut(payloadClass: object, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  const cut: Record<string, unknown> = { ...payload };
  for (let cls = payloadClass; cls && cls !== Function.prototype; cls = Object.getPrototypeOf(cls) as object) {
    for (const [property, names] of EVENT_ITEM_LISTS.get(cls) ?? []) {
      if (Object.hasOwn(cut, property)) cut[property] = keepFields(cut[property], names);
    }
  }
  return cut;
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
