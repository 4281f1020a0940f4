import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError, ERROR_CODES } from './errors';

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
 * The one validation rule for HTTP bodies and RPC payloads, as Nest ValidationPipe options: unknown fields
 * are refused, types converted. The gateway's HTTP pipe and the RPC servers' pipe are both built from it.
 */
export const VALIDATION_PIPE_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors: ValidationProblem[]): DomainError => validationFailed(errors),
};

/**
 * Validates a plain object against a contract class outside Nest's pipes (event payloads). `asIs`: values
 * set on the instance as they are, not copied by class-transformer (an event's item lists).
 */
export async function validateAs<T extends object>(
  cls: new () => T,
  value: unknown,
  asIs: Record<string, unknown> = {},
): Promise<T> {
  const instance = plainToInstance(cls, value);
  if (Object.keys(asIs).length > 0) Object.assign(instance, asIs);
  const errors = await validate(instance as object, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
