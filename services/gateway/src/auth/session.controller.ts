import { Body, Controller, Delete, Get, Header, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_PATTERNS, ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Response } from 'express';
import { Operation } from '../openapi/operation';
import { SignInBody } from './auth.controller';
import { BrowserSessionResponse } from './auth.responses';
import type { AuthenticatedRequest } from './auth.guard';
import { BrowserSessionBody, BrowserSessions, toBrowserSessionBody } from './browser-sessions';
import { Public } from './public.decorator';
import { SignInThrottlerGuard } from './sign-in-throttler.guard';

/**
 * The web app's sign-in: a server-side session behind an HttpOnly cookie (docs/architecture.md,
 * "Browser sessions"). API clients keep using POST /auth/sign-in and bearer tokens.
 */
@ApiTags('auth')
@Controller('api/v1/auth/session')
export class SessionController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: BrowserSessions,
  ) {}

  /** Signs in with email and password and sets the session cookie. Shares POST /auth/sign-in's rate limit. */
  @Public()
  @UseGuards(SignInThrottlerGuard)
  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store') // it carries the CSRF token
  @Operation({
    id: 'startBrowserSession',
    summary: 'Sign in the web app (session cookie)',
    description:
      'Checks email and password, sets the HttpOnly `gatehouse_session` cookie and returns the CSRF token. ' +
      'Shares the rate limit of POST /auth/sign-in.',
    public: true,
    errors: { 400: ['VALIDATION.FAILED'], 401: ['AUTH.INVALID_CREDENTIALS'], 429: ['AUTH.RATE_LIMITED'] },
  })
  @ApiOkResponse({ type: BrowserSessionResponse })
  async start(@Body() body: SignInBody, @Res({ passthrough: true }) response: Response): Promise<BrowserSessionBody> {
    const account = await this.rpc.call(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY, body);
    return this.sessions.start(response, account.id);
  }

  /** The current browser session (the account, the CSRF token for unsafe requests, the absolute end). */
  @Get()
  @Header('Cache-Control', 'no-store')
  @Operation({ id: 'getBrowserSession', summary: 'The current browser session', errors: {} })
  @ApiOkResponse({ type: BrowserSessionResponse })
  current(@Req() request: AuthenticatedRequest): BrowserSessionBody {
    if (!request.browserSession) {
      throw new DomainError(ERROR_CODES.AUTH_REQUIRED, 'There is no browser session: sign in on the web page.');
    }
    return toBrowserSessionBody(request.browserSession);
  }

  /** Signs out: ends the session server-side and clears the cookie. Needs X-CSRF-Token like every unsafe request. */
  @Delete()
  @HttpCode(204)
  @Operation({ id: 'endBrowserSession', summary: 'Sign out of the web app', errors: { 403: ['AUTH.CSRF_FAILED'] } })
  @ApiNoContentResponse({ description: 'Signed out: the session is ended and the cookie cleared.' })
  async end(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.end(request, response);
  }
}
