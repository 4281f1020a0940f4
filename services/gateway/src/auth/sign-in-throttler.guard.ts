import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * SIGN_IN_RATE_LIMIT for password checks, with ONE count per client address across both sign-in routes
 * (bearer token and browser session): a guesser does not get the limit twice by alternating between them.
 */
@Injectable()
export class SignInThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `sign-in:${throttlerName}:${tracker}`;
  }
}
