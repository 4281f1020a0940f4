import { ERROR_CODES, ErrorCode, WireError, isWireError } from '@gatehouse/contracts';

/**
 * A failure the caller can act on: a stable code, a sentence a person understands, and details.
 * It crosses RabbitMQ as `{ code, message, details }` and is rebuilt on the other side.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(value: unknown): DomainError {
    if (isWireError(value)) return new DomainError(value.code, value.message, value.details ?? {});
    return new DomainError(ERROR_CODES.INTERNAL, 'The service failed unexpectedly.', {});
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
