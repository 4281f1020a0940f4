import { ClassTransformOptions, instanceToPlain, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ERROR_CODES } from './errors';
import { listsCheckedInOnePass } from './list-validators';

/** What class-validator reports for one property (also the shape Nest's ValidationPipe hands over). */
export interface ValidationProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationProblem[];
}

/** Flattens nested class-validator errors into `path: sentence` lines. */
export function describeValidationErrors(errors: ValidationProblem[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(error.property) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

export function validationFailed(errors: ValidationProblem[]): DomainError {
  const problems = describeValidationErrors(errors);
  return new DomainError(ERROR_CODES.VALIDATION_FAILED, `The request is not valid: ${problems.join('; ')}.`, {
    problems,
  });
}

/**
 * class-transformer's plainToInstance, but the lists that IsStringList, IsUuidList and IsItemList check in
 * one pass are set on the instance as they are: class-transformer would copy each item through its
 * metadata look-ups for nothing (18–21 ms of a pipe call timed alone for the 10,000 addresses of an account
 * look-up; 1–6 ms less per look-up through the whole system, docs/performance.md).
 * Such a list is used as sent, so:
 * - its items must be cleaned before: Nest's pipes delete any `__proto__`, `prototype` and `constructor`
 *   key at every depth first, and parseEvent cuts an event's items to their fields (withEventItemsCut); a
 *   new caller of validateAs with an IsItemList that does not refuse other fields must do the same;
 * - class-transformer decorators (@Type, @Transform, @Expose…) and `options` do not apply to it: a list
 *   that needs them must not use these decorators.
 */
export function toInstance<T>(cls: new () => T, plain: unknown, options?: ClassTransformOptions): T {
  const names = listsCheckedInOnePass(cls);
  if (names.length === 0 || typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return plainToInstance(cls, plain, options) as T;
  }
  const rest: Record<string, unknown> = { ...plain };
  const lists: Record<string, unknown> = {};
  for (const name of names) {
    if (!Object.hasOwn(rest, name)) continue;
    lists[name] = rest[name];
    delete rest[name];
  }
  return Object.assign(plainToInstance(cls, rest, options) as T & object, lists);
}

/**
 * The one validation rule for HTTP bodies and RPC payloads, as Nest ValidationPipe options: unknown fields
 * are refused, types converted (by toInstance). The gateway's HTTP pipe and the RPC servers' pipe are both
 * built from it.
 */
export const VALIDATION_PIPE_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  transformerPackage: { plainToInstance: toInstance, classToPlain: instanceToPlain },
  exceptionFactory: (errors: ValidationProblem[]): DomainError => validationFailed(errors),
};

/** Validates a plain object against a contract class outside Nest's pipes (event payloads). */
export async function validateAs<T extends object>(cls: new () => T, value: unknown): Promise<T> {
  const instance = toInstance(cls, value);
  const errors = await validate(instance as object, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
