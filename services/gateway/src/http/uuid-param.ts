import { ParseUUIDPipe } from '@nestjs/common';
import { ERROR_CODES, DomainError } from '@gatehouse/contracts';

/** A path id that must be a UUID; anything else is a clear VALIDATION.FAILED, not a 500. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(ERROR_CODES.VALIDATION_FAILED, `${name} must be a UUID.`, { field: name }),
  });
