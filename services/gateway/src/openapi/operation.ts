import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { SESSION_COOKIE } from '../auth/browser-sessions';
import { ErrorBody } from './error-body';

export const BEARER_SCHEME = 'bearer';

/** An error status and the error codes an operation answers with under it. */
export type ErrorResponses = Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429, string[]>>;

/**
 * What an operation on one tenancy's data answers when refused: the hub lets tenant admins of the tenancy
 * and operators in (PERMISSION.DENIED for a tenancy's Hub members, TENANCY.NOT_FOUND for anyone else).
 */
export const TENANCY_ERRORS: ErrorResponses = {
  400: ['VALIDATION.FAILED'],
  403: ['PERMISSION.DENIED'],
  404: ['TENANCY.NOT_FOUND'],
};

/**
 * What an operation on one Hub answers when refused: the hub decides by permission (PERMISSION.DENIED for a
 * member without it, HUB.NOT_FOUND for a non-member).
 */
export const HUB_ERRORS: ErrorResponses = {
  400: ['VALIDATION.FAILED'],
  403: ['PERMISSION.DENIED'],
  404: ['HUB.NOT_FOUND'],
};

/** Shared refusals (TENANCY_ERRORS, HUB_ERRORS) and an operation's own codes: under each status, the shared first. */
export function withErrors(shared: ErrorResponses, own: ErrorResponses): ErrorResponses {
  const errors: ErrorResponses = { ...shared };
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
