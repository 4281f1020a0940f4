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

/**
 * What is wrong with one member as MemberProfile's decorators would say it (unknown fields refused, as the
 * validation rule does), `path` naming it; null when nothing is.
 */
function memberProblem(item: unknown, path: string): string | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return `${path} must be an object`;
  const unknown = Object.keys(item).find((key) => !PROFILE_FIELDS.has(key));
  if (unknown !== undefined) return `${path}.${unknown} should not exist`;
  const { accountId, email, displayName } = item as Record<string, unknown>;
  if (typeof accountId !== 'string' || !UUID.test(accountId)) return `${path}.accountId must be a UUID`;
  if (typeof email === 'string' && email.length > 254) {
    return `${path}.email must be shorter than or equal to 254 characters`;
  }
  if (typeof email !== 'string' || !isEmail(email)) return `${path}.email must be an email`;
  if (typeof displayName !== 'string' || displayName.length < 1 || displayName.length > 200) {
    return `${path}.displayName must be a text of 1 to 200 characters`;
  }
  return null;
}

/** The first problem of a member list, or null. */
function memberListProblem(value: unknown, property: string, maxItems: number): string | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > maxItems) {
    return `${property} must be a list of 1 to ${maxItems} members`;
  }
  for (let i = 0; i < value.length; i++) {
    const problem = memberProblem(value[i], `${property}.${i}`);
    if (problem) return problem;
  }
  return null;
}

/**
 * 1 to `maxItems` members (MemberProfile: accountId, email, displayName), checked in one pass and kept as
 * plain objects; the message names the first member and field at fault (`members.3.email must be an
 * email`). Equivalent to `@ArrayMinSize(1) @ArrayMaxSize(n) @ValidateNested({ each: true })
 * @Type(() => MemberProfile)`, whose per-member class instances and metadata look-ups cost 50 ms of CPU
 * for 5,000 members at best (docs/performance.md).
 */
export function IsMemberProfileList(limits: { maxItems: number }, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isMemberProfileList',
      validator: {
        validate: (value: unknown, args) =>
          memberListProblem(value, args?.property ?? 'value', limits.maxItems) === null,
        defaultMessage: (args) =>
          memberListProblem(args?.value, args?.property ?? 'value', limits.maxItems) ?? 'members are not valid',
      },
    },
    options,
  );
}

/** One field of a list item: what is wrong with its value (`must be a UUID`), or null. */
export interface FieldRule {
  problem(value: unknown): string | null;
}

/** A rule for every field of an item type (the compiler keeps the two in step). */
export type ItemRules<T> = { readonly [K in keyof T]-?: FieldRule };

/**
 * What is wrong with a list of plain objects: its length, or every field at fault of the first item at
 * fault (`property.3.email must be …; property.3.expiresAt must be …`); null when nothing is.
 */
function itemListProblem(
  value: unknown,
  property: string,
  fields: Record<string, FieldRule>,
  limits: { minItems: number; maxItems: number },
): string | null {
  if (!Array.isArray(value) || value.length < limits.minItems || value.length > limits.maxItems) {
    return `${property} must be a list of ${limits.minItems} to ${limits.maxItems} items`;
  }
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return `${property}.${i} must be an object`;
    const problems: string[] = [];
    for (const field in fields) {
      const problem = fields[field].problem((item as Record<string, unknown>)[field]);
      if (problem) problems.push(`${property}.${i}.${field} ${problem}`);
    }
    if (problems.length > 0) return problems.join('; ');
  }
  return null;
}

/**
 * `minItems` to `maxItems` plain objects whose fields follow `fields`, checked in one pass; the message
 * names the first item at fault and each of its fields at fault. Unlike `@ValidateNested({ each: true }) @Type(…)`, no class
 * instance per item and no per-item metadata look-ups (docs/performance.md: 1,000 invites of an event).
 * Fields other than `fields` are not looked at: strip them first where they must not pass (KeepFields).
 */
export function IsItemList<T>(
  fields: ItemRules<T>,
  limits: { minItems: number; maxItems: number },
  options?: ValidationOptions,
) {
  const rules = fields as Record<string, FieldRule>;
  return ValidateBy(
    {
      name: 'isItemList',
      validator: {
        validate: (value: unknown, args) => itemListProblem(value, args?.property ?? 'value', rules, limits) === null,
        defaultMessage: (args) =>
          itemListProblem(args?.value, args?.property ?? 'value', rules, limits) ?? 'items are not valid',
      },
    },
    options,
  );
}
