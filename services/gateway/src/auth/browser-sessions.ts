import { Injectable } from '@nestjs/common';
import { ACCOUNT_PATTERNS, AccountView, Actor, SessionView } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { CookieOptions, Request, Response } from 'express';
import { GatewayEnv } from '../gateway.config';

/** The browser session's cookie. Its value is an opaque random token; the invite service keeps its hash. */
export const SESSION_COOKIE = 'gatehouse_session';

/** What the session endpoints answer (contracts.md §1): who, the CSRF token to echo, the absolute end. */
export interface BrowserSessionBody {
  account: AccountView;
  csrfToken: string;
  expiresAt: string;
}

export const toBrowserSessionBody = ({ account, csrfToken, expiresAt }: SessionView): BrowserSessionBody => ({
  account,
  csrfToken,
  expiresAt,
});

/** Where the web app shows a Hub (its contacts list; contracts.md §2). */
export const hubHomePath = (hubId: string): string => `/hubs/${encodeURIComponent(hubId)}/contacts`;

export const actorOf = (account: AccountView): Actor => ({
  accountId: account.id,
  email: account.email,
  displayName: account.displayName,
  isOperator: account.isOperator,
});

/**
 * Starts, resolves and ends browser sessions (state in the invite service) and sets or clears the cookie.
 * The session API, the auth guard and the public pages that sign a new account in all go through here.
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly rpc: RpcClient,
    private readonly env: GatewayEnv,
  ) {}

  /**
   * Signs `accountId` in on this browser: a new server-side session and its cookie on `response`. A
   * session the browser already had is ended first, so a replaced cookie leaves nothing alive behind it.
   */
  async start(response: Response, accountId: string): Promise<BrowserSessionBody> {
    const previous = this.tokenOf(response.req);
    // Best effort: a malformed or unknown old cookie must not stop the sign-in (it is replaced anyway).
    if (previous) await this.rpc.call(ACCOUNT_PATTERNS.SESSION_END, { token: previous }).catch(() => undefined);
    const started = await this.rpc.call(ACCOUNT_PATTERNS.SESSION_START, { accountId });
    response.cookie(SESSION_COOKIE, started.token, { ...this.cookieOptions(), expires: new Date(started.expiresAt) });
    return toBrowserSessionBody(started);
  }

  /**
   * A public page's last step after it made an account (accept an invite, confirm a sign-up): sign the
   * new account in on this browser and open the Hub in the web app (303, so the form is not re-posted).
   */
  async startAndOpenHub(response: Response, accountId: string, hubId: string): Promise<void> {
    await this.start(response, accountId);
    response.redirect(303, hubHomePath(hubId));
  }

  /** The token in the request's session cookie, if it sent one (cookie-parser has read the header). */
  tokenOf(request: Request): string | null {
    const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
    return typeof value === 'string' && value !== '' ? value : null;
  }

  /** The live session behind a cookie token (and kept alive); AUTH.REQUIRED when it has ended or expired. */
  resolve(token: string): Promise<SessionView> {
    return this.rpc.call(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token });
  }

  /** Sign-out: ends the session server-side (so a copied cookie is worthless too) and clears the cookie. */
  async end(request: Request, response: Response): Promise<void> {
    const token = this.tokenOf(request);
    if (token) await this.rpc.call(ACCOUNT_PATTERNS.SESSION_END, { token });
    this.forget(response);
  }

  /** Clears the cookie on this browser (after sign-out, or when it names a session that has ended). */
  forget(response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  /** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure in production. */
  private cookieOptions(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', path: '/', secure: this.env.NODE_ENV === 'production' };
  }
}
