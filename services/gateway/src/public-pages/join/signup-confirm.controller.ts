import { Body, Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ERROR_CODES,
  MAX_PASSWORD_LENGTH,
  REGISTRATION_LINK_PATTERNS,
  SignupPreview,
  DomainError,
  isDomainError,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Request, Response } from 'express';
import { BrowserSessions } from '../../auth/browser-sessions';
import { Public } from '../../auth/public.decorator';
import { statusOf } from '../../errors/error-status';
import { GatewayEnv } from '../../gateway.config';
import { sendPage } from '../html';
import { afterSignupConfirmed } from './after-signup-confirmed';
import { JOIN_TIMEOUT_FACTOR, field } from './join.controller';
import { confirmSignupPage, messagePage, signInLink } from './join.page';
import { JoinRateLimits } from './join-rate-limits';
import { REFUSAL_TITLES, TOKEN_SHAPE, clientAddress, sendFailurePage, sendRateLimited } from './join-responses';

/** Refusals of a confirmation that end the visit (on top of the link's own). */
const TITLES: Record<string, string> = {
  ...REFUSAL_TITLES,
  [ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS]: 'An account already exists',
  [ERROR_CODES.SIGNUP_NOT_FOUND]: 'This confirmation link is not valid',
  [ERROR_CODES.SIGNUP_EXPIRED]: 'This confirmation link has expired',
  [ERROR_CODES.REGISTRATION_LINK_DOMAIN_NOT_ALLOWED]: 'This address can no longer join',
};

/**
 * The page the sign-up verification email links to (`/join/confirm/:token`). GET shows what confirming
 * will do and changes nothing (mail scanners open links). POST (form-encoded `password`: the one chosen
 * at sign-up) confirms: the invite service creates the account with its address verified, counts the
 * link's use and grants the membership; then afterSignupConfirmed() signs the account in and redirects. Limited per client
 * address like sign-ups (JOIN_PAGE_RATE_LIMIT, JOIN_SUBMIT_RATE_LIMIT).
 */
@ApiExcludeController()
@Public()
@Controller('join/confirm')
export class SignupConfirmPageController {
  private readonly logger = new Logger('SignupConfirmPage');

  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: JoinRateLimits,
    private readonly env: GatewayEnv,
    private readonly sessions: BrowserSessions,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const take = await this.limits.view(clientAddress(request));
    if (!take.allowed) return sendRateLimited(response, take.retryAfterSeconds);
    try {
      return this.sendPreview(response, await this.preview(token));
    } catch (error) {
      return this.sendFailure(response, error, 'view');
    }
  }

  @Post(':token')
  async confirm(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const take = await this.limits.submit(clientAddress(request));
    if (!take.allowed) return sendRateLimited(response, take.retryAfterSeconds);
    const password = field(body, 'password');
    try {
      if (password === '' || password.length > MAX_PASSWORD_LENGTH) {
        return await this.showFormAgain(response, token, 'Type the password you chose when you signed up.');
      }
      if (!TOKEN_SHAPE.test(token)) throw notOurToken();
      const result = await this.rpc.call(
        REGISTRATION_LINK_PATTERNS.CONFIRM_SIGNUP,
        { token, password },
        { timeoutMs: this.env.RPC_TIMEOUT_MS * JOIN_TIMEOUT_FACTOR },
      );
      return await afterSignupConfirmed(response, result, this.sessions);
    } catch (error) {
      if (isDomainError(error) && error.code === ERROR_CODES.SIGNUP_WRONG_PASSWORD) {
        return this.showFormAgain(response, token, error.message).catch((again: unknown) =>
          this.sendFailure(response, again, 'submit'),
        );
      }
      return this.sendFailure(response, error, 'submit');
    }
  }

  private async preview(token: string): Promise<SignupPreview> {
    if (!TOKEN_SHAPE.test(token)) throw notOurToken();
    return this.rpc.call(REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP, { token });
  }

  /** The form for a pending sign-up; for a used or expired one, the page that says so. */
  private sendPreview(response: Response, preview: SignupPreview, error?: string): void {
    switch (preview.status) {
      case 'pending':
        return sendPage(response, error ? 400 : 200, confirmSignupPage(preview, { error }));
      case 'confirmed':
        return this.sendAlreadyConfirmed(response, preview.email);
      case 'expired':
        return sendPage(
          response,
          statusOf(ERROR_CODES.SIGNUP_EXPIRED),
          messagePage(
            TITLES[ERROR_CODES.SIGNUP_EXPIRED],
            'This confirmation link has expired. Sign up again through the registration link to get a new email.',
          ),
        );
    }
  }

  private async showFormAgain(response: Response, token: string, error: string): Promise<void> {
    return this.sendPreview(response, await this.preview(token), error);
  }

  private sendAlreadyConfirmed(response: Response, email: string): void {
    return sendPage(
      response,
      statusOf(ERROR_CODES.SIGNUP_ALREADY_CONFIRMED),
      messagePage(
        'This link was already used',
        `This confirmation link was already used: the account for ${email} exists. Sign in with it.`,
        signInLink(email),
      ),
    );
  }

  private sendFailure(response: Response, error: unknown, during: 'view' | 'submit'): void {
    if (isDomainError(error) && error.code === ERROR_CODES.SIGNUP_ALREADY_CONFIRMED) {
      return this.sendAlreadyConfirmed(response, String(error.details.email ?? ''));
    }
    if (isDomainError(error) && error.code === ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS && error.details.email) {
      const email = String(error.details.email);
      return sendPage(
        response,
        statusOf(error.code),
        messagePage(TITLES[error.code], error.message, signInLink(email)),
      );
    }
    return sendFailurePage(response, error, TITLES, {
      logger: this.logger,
      what: 'sign-up confirm page',
      during,
      submitMessage:
        'Something went wrong on our side, and we could not confirm your sign-up. If you can sign in with your address and password, you are in; otherwise please open the link again in a minute.',
    });
  }
}

/** Answered like an unknown token, without asking the invite service. */
function notOurToken(): DomainError {
  return new DomainError(
    ERROR_CODES.SIGNUP_NOT_FOUND,
    'This confirmation link is not valid. Check that you copied the whole link. If you signed up more than once, only the link in the newest email works.',
  );
}
