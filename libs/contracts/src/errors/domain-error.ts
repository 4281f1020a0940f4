import { ERROR_CODES, ErrorCode } from './error-codes';

/** The shape every domain error takes on the wire (RPC replies and HTTP error bodies). */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function isWireError(value: unknown): value is WireError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WireError).code === 'string' &&
    typeof (value as WireError).message === 'string'
  );
}

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
