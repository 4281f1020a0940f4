import { Injectable } from '@nestjs/common';
import { InviteEnv } from '../invite.config';
import { JoinAttemptsRepository } from '../registration-links/data/join-attempts.repository';

/**
 * Deletes registration-link sign-up attempts that have left the rate limit's window: they count for
 * nothing any more, and their client addresses are not kept longer than needed.
 */
@Injectable()
export class PruneJoinAttemptsJob {
  constructor(
    private readonly attempts: JoinAttemptsRepository,
    private readonly env: InviteEnv,
  ) {}

  run(): Promise<number> {
    return this.attempts.prune(this.env.REGISTRATION_LINK_JOIN_WINDOW_SECONDS);
  }
}
