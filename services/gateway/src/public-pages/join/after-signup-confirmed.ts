import { Logger } from '@nestjs/common';
import { ConfirmSignupResult } from '@gatehouse/contracts';
import type { Response } from 'express';
import { BrowserSessions } from '../../auth/browser-sessions';

const logger = new Logger('SignupConfirmed');

/**
 * THE one place that decides where a confirmed registration-link sign-up lands (contracts.md §2): the new
 * account is signed in on this browser (session cookie) and sent (303) to the Hub it joined in the web
 * app. If no session can be started right now, it goes to the sign-in screen with its address filled in.
 */
export async function afterSignupConfirmed(
  response: Response,
  result: ConfirmSignupResult,
  sessions: BrowserSessions,
): Promise<void> {
  response.set('Cache-Control', 'no-store');
  response.set('Referrer-Policy', 'no-referrer');
  try {
    await sessions.startAndOpenHub(response, result.account.id, result.membership.hubId);
  } catch (error) {
    logger.warn(`sign-up confirmed, but no session could be started: ${(error as Error).message}`);
    response.redirect(303, `/?email=${encodeURIComponent(result.account.email)}`);
  }
}
