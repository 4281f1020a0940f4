import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ERROR_CODES } from '@gatehouse/contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from './domain-error';

/** Flattens nested class-validator errors into `path: sentence` lines. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(error.property) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const problems = describeValidationErrors(errors);
  return new DomainError(ERROR_CODES.VALIDATION_FAILED, `The request is not valid: ${problems.join('; ')}.`, {
    problems,
  });
}

/** The one validation rule for HTTP bodies and RPC payloads: unknown fields are refused, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(errors),
  });
}

/** Validates a plain object against a contract class outside Nest's pipes (event payloads). */
export async function validateAs<T extends object>(cls: new () => T, value: unknown): Promise<T> {
  const instance = plainToInstance(cls, value);
  const errors = await validate(instance as object, { whitelist: true, forbidNonWhitelisted: false });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
