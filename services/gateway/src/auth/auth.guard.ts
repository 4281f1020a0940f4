import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, ERROR_CODES, SessionView, DomainError, isDomainError } from '@gatehouse/contracts';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { GatewayEnv } from '../gateway.config';
import { BrowserSessions, actorOf } from './browser-sessions';
import { isCrossSiteRequest } from './cross-site';
import { IS_PUBLIC } from './public.decorator';
import { BearerTokens } from './bearer-tokens';

export type AuthenticatedRequest = Request & {
  actor?: Actor;
  /** Set when the actor came from the session cookie (not from a bearer token). */
  browserSession?: SessionView;
};

/** Methods that change something: a cookie-authenticated one must prove it comes from our own page. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const CSRF_HEADER = 'x-csrf-token';

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Matched as the router matches routes (Express: case-insensitive, a trailing slash allowed), so that no
 * spelling of the path reaches the metrics handler past this check (`/METRICS/` is the same route).
 */
const METRICS_PATH = /^\/metrics\/?$/i;
const HEALTH_PATH = /^\/health\//i;

/**
 * Authenticated by default: every route needs a valid bearer token or browser session cookie unless it is
 * marked @Public() or is a health probe. /metrics takes the METRICS_TOKEN or an operator's bearer token.
 *
 * A bearer token wins when both are sent. The cookie costs one RPC to the invite service per request (an
 * indexed read; a write at most once a minute per session). A cookie-authenticated POST/PUT/PATCH/DELETE
 * must carry the session's CSRF token in X-CSRF-Token: the cookie goes along with any request the browser
 * makes, the header only with requests our own page's script makes.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: BearerTokens,
    private readonly sessions: BrowserSessions,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Before @Public(): the public form POSTs start sessions, so another site must not post them (login CSRF).
    if (UNSAFE_METHODS.has(request.method) && isCrossSiteRequest(request, this.env.PUBLIC_BASE_URL)) {
      throw new DomainError(
        ERROR_CODES.AUTH_CSRF_FAILED,
        'This request came from another site, so it was refused. Open Gatehouse itself and try again.',
      );
    }
    if (HEALTH_PATH.test(request.path)) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const header = request.headers.authorization;
    if (METRICS_PATH.test(request.path)) return this.checkMetrics(header);
    if (header !== undefined) {
      request.actor = await this.tokens.verify(bearerToken(header));
      return true;
    }
    const cookie = this.sessions.tokenOf(request);
    if (!cookie) {
      throw new DomainError(
        ERROR_CODES.AUTH_REQUIRED,
        'Sign in first: this endpoint needs a bearer token or a session.',
      );
    }
    const session = await this.sessions.resolve(cookie).catch((error: unknown) => {
      // An ended or expired session: the browser need not keep sending its cookie.
      if (isDomainError(error) && error.code === ERROR_CODES.AUTH_REQUIRED) {
        this.sessions.forget(context.switchToHttp().getResponse<Response>());
      }
      throw error;
    });
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.get(CSRF_HEADER);
      if (!sent || !sameSecret(sent, session.csrfToken)) {
        throw new DomainError(
          ERROR_CODES.AUTH_CSRF_FAILED,
          'Your session check failed. Reload the page and try again.',
        );
      }
    }
    request.actor = actorOf(session.account);
    request.browserSession = session;
    return true;
  }

  private async checkMetrics(header: string | undefined): Promise<boolean> {
    const token = bearerToken(header ?? '');
    if (this.env.METRICS_TOKEN && sameSecret(token, this.env.METRICS_TOKEN)) return true;
    const actor = await this.tokens.verify(token);
    if (!actor.isOperator) throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Metrics are for operators.');
    return true;
  }
}

function bearerToken(header: string): string {
  const match = /^Bearer (\S+)$/i.exec(header);
  if (!match) throw new DomainError(ERROR_CODES.AUTH_REQUIRED, 'Sign in first: this endpoint needs a bearer token.');
  return match[1];
}
