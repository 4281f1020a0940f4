import { ConfirmSignupResult } from '@gatehouse/contracts';
import type { Response } from 'express';

/**
 * THE one place that decides where a confirmed registration-link sign-up lands (contracts.md §2).
 * For now: 303 to the sign-in page with the address filled in. When browser sessions exist, start one
 * here for `result.account` and send the person to `/hubs/<result.membership.hubId>/contacts` instead.
 */
export function afterSignupConfirmed(response: Response, result: ConfirmSignupResult): void {
  response.set('Cache-Control', 'no-store');
  response.set('Referrer-Policy', 'no-referrer');
  response.redirect(303, `/?email=${encodeURIComponent(result.account.email)}`);
}
