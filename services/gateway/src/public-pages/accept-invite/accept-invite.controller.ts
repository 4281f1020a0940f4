import { Body, Controller, Get, HttpStatus, Logger, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import {
  AcceptInviteResult,
  ERROR_CODES,
  INVITE_PATTERNS,
  InvitePreview,
  MAX_TOKEN_LENGTH,
  DomainError,
  isDomainError,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Response } from 'express';
import { BrowserSessions } from '../../auth/browser-sessions';
import { Public } from '../../auth/public.decorator';
import { statusOf } from '../../errors/error-status';
import {
  acceptFormPage,
  acceptedPage,
  accountExistsPage,
  closedInvitePage,
  unavailablePage,
  unknownInvitePage,
} from './accept-invite.page';
import { checkNewAccountFields } from '../account-form';
import { sendPage } from '../html';

/**
 * The public page an invite email links to. GET shows the Hub, the inviter and the invited address with
 * a form, and changes nothing (mail scanners open links). POST (form-encoded) creates the account and
 * every membership the address was invited to, signs the new account in (session cookie) and redirects
 * to the Hub in the web app. Every other outcome is a page, never JSON.
 */
@ApiExcludeController()
@Public()
@Controller('invite')
export class AcceptInvitePageController {
  private readonly logger = new Logger('AcceptInvitePage');

  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: BrowserSessions,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() response: Response): Promise<void> {
    try {
      const preview = await this.preview(token);
      if (preview.status === 'pending') return sendPage(response, HttpStatus.OK, acceptFormPage(preview));
      return sendPage(response, HttpStatus.GONE, closedInvitePage(preview.status, preview));
    } catch (error) {
      return this.sendFailure(response, error, null);
    }
  }

  @Post(':token')
  @UseGuards(ThrottlerGuard)
  async submit(
    @Param('token') token: string,
    @Body() body: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const displayName = typeof body?.displayName === 'string' ? body.displayName.trim() : '';
    const password = typeof body?.password === 'string' ? body.password : '';
    const formError = checkNewAccountFields(displayName, password);
    try {
      if (formError) return await this.showFormAgain(response, token, displayName, formError);
      const result = await this.rpc.call(INVITE_PATTERNS.ACCEPT, { token, displayName, password });
      return await this.openTheHub(response, result);
    } catch (error) {
      if (
        isDomainError(error) &&
        (error.code === ERROR_CODES.ACCOUNT_WEAK_PASSWORD || error.code === ERROR_CODES.VALIDATION_FAILED)
      ) {
        return this.showFormAgain(response, token, displayName, error.message).catch((again: unknown) =>
          this.sendFailure(response, again, null),
        );
      }
      const preview = await this.preview(token).catch(() => null);
      return this.sendFailure(response, error, preview);
    }
  }

  /**
   * The account exists and has its memberships: sign it in on this browser and open the Hub in the web
   * app. If the session cannot be started now, the welcome page says to sign in instead (nothing is lost).
   */
  private async openTheHub(response: Response, result: AcceptInviteResult): Promise<void> {
    try {
      await this.sessions.startAndOpenHub(response, result.account.id, result.hubId);
    } catch (error) {
      this.logger.warn(`accepted, but no session could be started: ${(error as Error).message}`);
      sendPage(response, HttpStatus.OK, acceptedPage(result));
    }
  }

  private async preview(token: string): Promise<InvitePreview> {
    if (token.length > MAX_TOKEN_LENGTH) {
      // Not one of ours: answered like an unknown token, without asking the invite service.
      throw new DomainError(ERROR_CODES.INVITE_NOT_FOUND, 'This invite link is not valid.');
    }
    return this.rpc.call(INVITE_PATTERNS.PREVIEW_ACCEPT, { token });
  }

  private async showFormAgain(response: Response, token: string, displayName: string, error: string): Promise<void> {
    const preview = await this.preview(token);
    if (preview.status !== 'pending') {
      return sendPage(response, HttpStatus.GONE, closedInvitePage(preview.status, preview));
    }
    return sendPage(response, HttpStatus.BAD_REQUEST, acceptFormPage(preview, { displayName, error }));
  }

  private sendFailure(response: Response, error: unknown, preview: InvitePreview | null): void {
    const code = isDomainError(error) ? error.code : null;
    switch (code) {
      case ERROR_CODES.INVITE_NOT_FOUND:
        return sendPage(response, statusOf(code), unknownInvitePage());
      case ERROR_CODES.INVITE_EXPIRED:
        return sendPage(response, statusOf(code), closedInvitePage('expired', preview));
      case ERROR_CODES.INVITE_REVOKED:
        return sendPage(response, statusOf(code), closedInvitePage('revoked', preview));
      case ERROR_CODES.INVITE_ALREADY_USED:
        return sendPage(response, statusOf(code), closedInvitePage('accepted', preview));
      case ERROR_CODES.ACCOUNT_EMAIL_TAKEN:
        return sendPage(response, statusOf(code), accountExistsPage(preview));
      default:
        this.logger.error(`accept page failed: ${error instanceof Error ? error.message : String(error)}`);
        return sendPage(response, HttpStatus.SERVICE_UNAVAILABLE, unavailablePage());
    }
  }
}
