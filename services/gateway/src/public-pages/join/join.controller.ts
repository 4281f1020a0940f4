import { Body, Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  ERROR_CODES,
  MAX_RAW_EMAIL_LENGTH,
  REGISTRATION_LINK_PATTERNS,
  RegistrationLinkPreview,
  DomainError,
  isDomainError,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Request, Response } from 'express';
import { Public } from '../../auth/public.decorator';
import { statusOf } from '../../errors/error-status';
import { GatewayEnv } from '../../gateway.config';
import { checkNewAccountFields } from '../account-form';
import { sendPage } from '../html';
import { JoinRateLimits } from './join-rate-limits';
import { checkInboxPage, joinFormPage, messagePage } from './join.page';
import {
  REFUSAL_TITLES as TITLES,
  TOKEN_SHAPE,
  clientAddress,
  sendFailurePage,
  sendRateLimited,
} from './join-responses';

/**
 * A sign-up hashes a password (argon2id): it gets three times the usual RPC timeout, so that a busy
 * moment does not report a failure for a sign-up that worked (the confirm page shares it).
 */
export const JOIN_TIMEOUT_FACTOR = 3;
/** Refusals the person can fix on the form (another address, a better password, their name). */
const FIXABLE = new Set<string>([
  ERROR_CODES.REGISTRATION_LINK_DOMAIN_NOT_ALLOWED,
  ERROR_CODES.ACCOUNT_INVALID_EMAIL,
  ERROR_CODES.ACCOUNT_WEAK_PASSWORD,
  ERROR_CODES.VALIDATION_FAILED,
]);

const STATUS_CODE = {
  disabled: ERROR_CODES.REGISTRATION_LINK_DISABLED,
  expired: ERROR_CODES.REGISTRATION_LINK_EXPIRED,
  used_up: ERROR_CODES.REGISTRATION_LINK_USED_UP,
} as const;

const CLOSED_MESSAGE = {
  disabled: 'This registration link is turned off. Ask a member of the Hub to invite you.',
  expired: 'This registration link has expired. Ask a member of the Hub for a new link or an invite.',
  used_up: 'This registration link has been used as many times as it allows. Ask a member of the Hub to invite you.',
} as const;

/**
 * The public join page of a Hub's registration link. GET shows the Hub and a sign-up form and changes
 * nothing; POST (form-encoded: email, displayName, password) records a pending sign-up and says "check
 * your inbox": the account and the membership come only when the address's owner confirms
 * (SignupConfirmPageController).
 * Every outcome is a server-rendered page (never JSON) with every value escaped. Both are limited per
 * client address here (JOIN_PAGE_RATE_LIMIT, JOIN_SUBMIT_RATE_LIMIT) and sign-ups per link in the
 * invite service.
 */
@ApiExcludeController()
@Public()
@Controller('join')
export class JoinPageController {
  private readonly logger = new Logger('JoinPage');

  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: JoinRateLimits,
    private readonly env: GatewayEnv,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const take = await this.limits.view(clientAddress(request));
    if (!take.allowed) return sendRateLimited(response, take.retryAfterSeconds);
    try {
      const preview = await this.preview(token);
      if (preview.status !== 'open') return this.sendClosed(response, preview.status);
      return sendPage(response, 200, joinFormPage(preview));
    } catch (error) {
      return this.sendFailure(response, error, 'view');
    }
  }

  @Post(':token')
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const address = clientAddress(request);
    const take = await this.limits.submit(address);
    if (!take.allowed) return sendRateLimited(response, take.retryAfterSeconds);
    const form = {
      email: field(body, 'email').trim(),
      displayName: field(body, 'displayName').trim(),
      password: field(body, 'password'),
    };
    try {
      const formError = checkForm(form.email, form.displayName, form.password);
      if (formError) return await this.showFormAgain(response, token, form, formError, 400);
      if (!TOKEN_SHAPE.test(token)) throw notOurToken();
      const result = await this.rpc.call(
        REGISTRATION_LINK_PATTERNS.JOIN,
        { token, ...form, clientAddress: address },
        { timeoutMs: this.env.RPC_TIMEOUT_MS * JOIN_TIMEOUT_FACTOR },
      );
      return sendPage(response, 202, checkInboxPage(result));
    } catch (error) {
      if (isDomainError(error) && FIXABLE.has(error.code)) {
        return this.showFormAgain(response, token, form, error.message, statusOf(error.code)).catch((again: unknown) =>
          this.sendFailure(response, again, 'submit'),
        );
      }
      return this.sendFailure(response, error, 'submit');
    }
  }

  private async preview(token: string): Promise<RegistrationLinkPreview> {
    if (!TOKEN_SHAPE.test(token)) throw notOurToken();
    return this.rpc.call(REGISTRATION_LINK_PATTERNS.PREVIEW_JOIN, { token });
  }

  private async showFormAgain(
    response: Response,
    token: string,
    form: { email: string; displayName: string },
    error: string,
    status: number,
  ): Promise<void> {
    const preview = await this.preview(token);
    if (preview.status !== 'open') return this.sendClosed(response, preview.status);
    return sendPage(
      response,
      status,
      joinFormPage(preview, { email: form.email, displayName: form.displayName, error }),
    );
  }

  private sendClosed(response: Response, status: keyof typeof STATUS_CODE): void {
    const code = STATUS_CODE[status];
    return sendPage(response, statusOf(code), messagePage(TITLES[code], CLOSED_MESSAGE[status]));
  }

  private sendFailure(response: Response, error: unknown, during: 'view' | 'submit'): void {
    return sendFailurePage(response, error, TITLES, {
      logger: this.logger,
      what: 'join page',
      during,
      submitMessage:
        'Something went wrong on our side, and we could not confirm your sign-up. If an email to confirm your address arrives, use it; otherwise please try again in a minute.',
    });
  }
}

/** Answered like an unknown token, without asking the invite service. */
function notOurToken(): DomainError {
  return new DomainError(
    ERROR_CODES.REGISTRATION_LINK_NOT_FOUND,
    'This registration link is not valid. Check that you copied the whole link, or ask a member of the Hub for the current one.',
  );
}

export function field(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value : '';
}

/** The join form's own rules: its email field, then the fields every new-account form has. */
function checkForm(email: string, displayName: string, password: string): string | null {
  if (email === '') return 'Enter your email address.';
  if (email.length > MAX_RAW_EMAIL_LENGTH) return 'That email address is too long.';
  return checkNewAccountFields(displayName, password);
}
