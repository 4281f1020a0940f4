import { ERROR_CODES, isDomainError } from '@gatehouse/contracts';
import type { Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { statusOf } from '../../errors/error-status';
import { sendPage } from '../html';
import { messagePage } from './join.page';

/**
 * What the join page and the sign-up confirm page answer alike: the client address the limits count,
 * the "too many attempts" page and the page for a refusal that ends the visit.
 */

/** Link and confirm tokens are base64url; anything else is not ours and is answered without asking the invite service. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;

/** Headings of the pages that end the visit (the link cannot be used, or the address cannot sign up here). */
export const REFUSAL_TITLES: Record<string, string> = {
  [ERROR_CODES.REGISTRATION_LINK_NOT_FOUND]: 'This link is not valid',
  [ERROR_CODES.REGISTRATION_LINK_ROTATED]: 'This link has been replaced',
  [ERROR_CODES.REGISTRATION_LINK_DISABLED]: 'This link is turned off',
  [ERROR_CODES.REGISTRATION_LINK_EXPIRED]: 'This link has expired',
  [ERROR_CODES.REGISTRATION_LINK_USED_UP]: 'This link has been used up',
  [ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS]: 'You already have an account',
  [ERROR_CODES.REGISTRATION_LINK_RATE_LIMITED]: 'Too many attempts',
};

/** The address the request came from; behind the trusted proxy (see main.ts), the forwarded one. */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

export function sendRateLimited(response: Response, retryAfterSeconds: number): void {
  response.set('Retry-After', String(retryAfterSeconds));
  const code = ERROR_CODES.REGISTRATION_LINK_RATE_LIMITED;
  return sendPage(
    response,
    statusOf(code),
    messagePage(REFUSAL_TITLES[code], 'Too many attempts from your network. Wait a few minutes and try again.'),
  );
}

/**
 * The page for a domain error with a title here (its own message, its status; Retry-After for the
 * per-link limit). False when the error is not one of those (the caller answers it).
 */
export function sendRefusal(response: Response, error: unknown, titles: Record<string, string>): boolean {
  if (!isDomainError(error) || !titles[error.code]) return false;
  if (error.code === ERROR_CODES.REGISTRATION_LINK_RATE_LIMITED) {
    const retryAfter = Number(error.details.retryAfterSeconds);
    if (Number.isFinite(retryAfter) && retryAfter > 0) response.set('Retry-After', String(retryAfter));
  }
  sendPage(response, statusOf(error.code), messagePage(titles[error.code], error.message));
  return true;
}

/**
 * Any failure: a refusal with a title gets its page; anything else is logged and answered 503 with
 * `submitMessage` after a POST (what the person should do about a request that may have worked).
 */
export function sendFailurePage(
  response: Response,
  error: unknown,
  titles: Record<string, string>,
  failed: { logger: Logger; what: string; during: 'view' | 'submit'; submitMessage: string },
): void {
  if (sendRefusal(response, error, titles)) return;
  failed.logger.error(`${failed.what} failed: ${error instanceof Error ? error.message : String(error)}`);
  const message =
    failed.during === 'view' ? 'Something went wrong on our side. Please try again in a minute.' : failed.submitMessage;
  return sendPage(response, 503, messagePage('Please try again', message));
}
