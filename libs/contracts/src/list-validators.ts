import { ValidateBy, ValidationOptions } from 'class-validator';

/** The form of a UUID: any version and variant, any case (looser than class-validator's isUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Per class, its properties whose lists a decorator below checks item by item. */
const LISTS_CHECKED_IN_ONE_PASS = new Map<object, string[]>();

/** A list decorator that also names its property in LISTS_CHECKED_IN_ONE_PASS. */
function checkedInOnePass(decorator: PropertyDecorator): PropertyDecorator {
  return (target, property) => {
    LISTS_CHECKED_IN_ONE_PASS.set(target.constructor, [
      ...(LISTS_CHECKED_IN_ONE_PASS.get(target.constructor) ?? []),
      String(property),
    ]);
    decorator(target, property);
  };
}

/**
 * The properties of `cls` and its parents that IsStringList, IsUuidList or IsItemList check item by item:
 * class-transformer has nothing to do for them (toInstance sets them as they are).
 */
export function listsCheckedInOnePass(cls: object): string[] {
  const names: string[] = [];
  for (let c = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as object) {
    names.push(...(LISTS_CHECKED_IN_ONE_PASS.get(c) ?? []));
  }
  return names;
}

/**
 * A list of up to `maxItems` texts, each passing `isItem`, checked in one pass; the message says what the
 * list must be (`emails must be a list of at most 3 texts of …`).
 */
function textList(
  name: string,
  maxItems: number,
  isItem: (item: string) => boolean,
  listOf: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return checkedInOnePass(
    ValidateBy(
      {
        name,
        validator: {
          validate: (value: unknown) =>
            Array.isArray(value) &&
            value.length <= maxItems &&
            value.every((item) => typeof item === 'string' && isItem(item)),
          defaultMessage: (args) => `${args?.property ?? 'value'} must be a list of at most ${maxItems} ${listOf}`,
        },
      },
      options,
    ),
  );
}

/**
 * A list of up to `maxItems` texts of at most `maxLength` characters, checked in one pass. Equivalent to
 * `@IsArray() @ArrayMaxSize(n) @IsString({ each: true }) @MaxLength(m, { each: true })`, which runs
 * class-validator's per-element machinery: 20–100 ms for a 10,000-address lookup here (docs/performance.md).
 */
export function IsStringList(limits: { maxItems: number; maxLength: number }, options?: ValidationOptions) {
  const { maxItems, maxLength } = limits;
  return textList(
    'isStringList',
    maxItems,
    (item) => item.length <= maxLength,
    `texts of at most ${maxLength} characters each`,
    options,
  );
}

/** A list of up to `maxItems` UUIDs, checked in one pass (as `@IsArray() @ArrayMaxSize(n) @IsUUID('all', { each: true })`). */
export function IsUuidList(limits: { maxItems: number }, options?: ValidationOptions) {
  return textList('isUuidList', limits.maxItems, (item) => UUID.test(item), 'UUIDs', options);
}

/** One field of a list item: what is wrong with its value (`must be a UUID`), or null. */
export interface FieldRule {
  problem(value: unknown): string | null;
}

/** A rule for every field of an item type (the compiler keeps the two in step). */
export type ItemRules<T> = { readonly [K in keyof T]-?: FieldRule };

/** How many items a list holds, what they are called in messages, and whether fields beyond the rules pass. */
export interface ItemListShape {
  minItems: number;
  maxItems: number;
  /** The items' name in the message about the list's length: `members must be a list of 1 to 5 members`. */
  itemsAre?: string;
  /** 'refused': a field the rules do not name is a problem (`members.0.isHubAdmin should not exist`). */
  otherFields?: 'refused' | 'not looked at';
}

/**
 * What is wrong with a list of plain objects: its length, or every field at fault of the first item at
 * fault (`property.3.email must be …; property.3.expiresAt must be …`); null when nothing is.
 */
function itemListProblem(
  value: unknown,
  property: string,
  fields: Record<string, FieldRule>,
  shape: ItemListShape,
): string | null {
  if (!Array.isArray(value) || value.length < shape.minItems || value.length > shape.maxItems) {
    return `${property} must be a list of ${shape.minItems} to ${shape.maxItems} ${shape.itemsAre ?? 'items'}`;
  }
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return `${property}.${i} must be an object`;
    if (shape.otherFields === 'refused') {
      const other = Object.keys(item).find((key) => !Object.hasOwn(fields, key));
      if (other !== undefined) return `${property}.${i}.${other} should not exist`;
    }
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
 * `minItems` to `maxItems` plain objects whose fields follow `fields`, checked in one pass and kept as
 * plain objects; the message names the first item at fault and each of its fields at fault. Unlike
 * `@ValidateNested({ each: true }) @Type(…)`, no class instance per item and no per-item metadata look-ups:
 * those cost 50 ms of CPU for 5,000 members of a bulk add, and most of an event's check for its 1,000
 * invites (docs/performance.md). Fields other than `fields` are not looked at unless `otherFields` is
 * 'refused': where they must not pass on, strip them first (as parseEvent does) or refuse them.
 */
export function IsItemList<T>(fields: ItemRules<T>, shape: ItemListShape, options?: ValidationOptions) {
  const rules = fields as Record<string, FieldRule>;
  return checkedInOnePass(
    ValidateBy(
      {
        name: 'isItemList',
        validator: {
          validate: (value: unknown, args) => itemListProblem(value, args?.property ?? 'value', rules, shape) === null,
          defaultMessage: (args) =>
            itemListProblem(args?.value, args?.property ?? 'value', rules, shape) ?? 'items are not valid',
        },
      },
      options,
    ),
  );
}
