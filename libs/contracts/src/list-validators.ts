import { ValidateBy, ValidationOptions, isEmail } from 'class-validator';

/** validator.js's isUUID('all'): any version, any case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of up to `maxItems` texts of at most `maxLength` characters, checked in one pass. Equivalent to
 * `@IsArray() @ArrayMaxSize(n) @IsString({ each: true }) @MaxLength(m, { each: true })`, which runs
 * class-validator's per-element machinery: 20–100 ms for a 10,000-address lookup here (docs/performance.md).
 */
export function IsStringList(limits: { maxItems: number; maxLength: number }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isStringList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= limits.maxItems &&
          value.every((item) => typeof item === 'string' && item.length <= limits.maxLength),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a list of at most ${limits.maxItems} texts of at most ${limits.maxLength} characters each`,
      },
    },
    options,
  );
}

/** A list of up to `maxItems` UUIDs, checked in one pass (as `@IsArray() @ArrayMaxSize(n) @IsUUID('all', { each: true })`). */
export function IsUuidList(limits: { maxItems: number }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isUuidList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.length <= limits.maxItems &&
          value.every((item) => typeof item === 'string' && UUID.test(item)),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a list of at most ${limits.maxItems} UUIDs`,
      },
    },
    options,
  );
}

const PROFILE_FIELDS = new Set(['accountId', 'email', 'displayName']);

/** One member as MemberProfile's decorators check it (unknown fields refused, as the validation rule does). */
function isMemberProfile(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const { accountId, email, displayName } = item as Record<string, unknown>;
  return (
    Object.keys(item).every((key) => PROFILE_FIELDS.has(key)) &&
    typeof accountId === 'string' &&
    UUID.test(accountId) &&
    typeof email === 'string' &&
    email.length <= 254 &&
    isEmail(email) &&
    typeof displayName === 'string' &&
    displayName.length >= 1 &&
    displayName.length <= 200
  );
}

/**
 * 1 to `maxItems` members (MemberProfile: accountId, email, displayName), checked in one pass and kept as
 * plain objects. Equivalent to `@ArrayMinSize(1) @ArrayMaxSize(n) @ValidateNested({ each: true })
 * @Type(() => MemberProfile)`, whose per-member class instances and metadata look-ups took ~150 ms of the
 * hub's CPU for 5,000 members (docs/performance.md).
 */
export function IsMemberProfileList(limits: { maxItems: number }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isMemberProfileList',
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.length >= 1 && value.length <= limits.maxItems && value.every(isMemberProfile),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a list of 1 to ${limits.maxItems} members, each an accountId (UUID), ` +
          'an email and a displayName (1 to 200 characters), nothing else',
      },
    },
    options,
  );
}
