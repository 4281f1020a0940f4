import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/browser-sessions';
import { ErrorBody } from './error-body';

export const BEARER_SCHEME = 'bearer';

/** An error status and the error codes an operation answers with under it. */
export type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429, string[]>>;

/** What a read of one tenancy's console data answers when refused (tenant admins of it and operators only). */
export const TENANCY_READ_ERRORS: ErrorResponses = {
  400: ['VALIDATION.FAILED'],
  403: ['PERMISSION.DENIED'],
  404: ['TENANCY.NOT_FOUND'],
};

/**
 * An operation on one tenancy's data that answers TENANCY_READ_ERRORS and codes of its own: each status's
 * codes are the shared ones first, then the operation's.
 */
export function tenancyErrorsAnd(own: ErrorResponses): ErrorResponses {
  const errors: ErrorResponses = { ...TENANCY_READ_ERRORS };
  for (const status of Object.keys(own).map(Number) as (keyof ErrorResponses)[]) {
    errors[status] = [...(errors[status] ?? []), ...(own[status] ?? [])];
  }
  return errors;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid',
  401: 'Not signed in, or the session expired',
  403: 'Not allowed',
  404: 'Not found (or not yours to know about)',
  409: 'Conflicts with the current state',
  410: 'No longer usable',
  413: 'Too large',
  415: 'Not a supported file',
  429: 'Too many attempts; wait and try again',
};

export interface OperationDoc {
  /** Stable camelCase id: openapi-typescript and clients refer to the operation by it. */
  id: string;
  summary: string;
  description?: string;
  errors: ErrorResponses;
  /** Deliberately open to anyone (no bearer token or session cookie). */
  public?: boolean;
}

/**
 * One operation's OpenAPI description: id, summary, security (a bearer token or the session cookie)
 * and every error response with the codes it may carry, all as the `Error` schema. Authenticated
 * operations answer 401 AUTH.REQUIRED; every operation may answer 503 when a service is unreachable.
 */
export function Operation(doc: OperationDoc): MethodDecorator {
  const errors: ErrorResponses = doc.public ? doc.errors : { 401: ['AUTH.REQUIRED'], ...doc.errors };
  const responses = Object.entries(errors).map(([status, codes]) =>
    ApiResponse({ status: Number(status), type: ErrorBody, description: describe(Number(status), codes) }),
  );
  return applyDecorators(
    ApiOperation({
      operationId: doc.id,
      summary: doc.summary,
      description: doc.description,
      ...(doc.public ? { security: [] } : {}),
    }),
    ...(doc.public ? [] : [ApiBearerAuth(BEARER_SCHEME), ApiCookieAuth(SESSION_COOKIE)]),
    ...responses,
    ApiResponse({
      status: 503,
      type: ErrorBody,
      description: describe(503, ['RPC.UNAVAILABLE', 'RPC.TIMEOUT'], 'A service did not answer; try again'),
    }),
  );
}

function describe(status: number, codes: string[] | undefined, text = STATUS_TEXT[status]): string {
  return codes && codes.length > 0 ? `${text}: ${codes.join(', ')}.` : `${text}.`;
}
