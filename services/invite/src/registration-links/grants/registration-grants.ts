import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, isDomainError } from '@gatehouse/contracts';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { InviteEnv } from '../../invite.config';
import { JoinAttemptsRepository } from '../data/join-attempts.repository';
import { PendingSignupsRepository } from '../data/pending-signups.repository';
import {
  ClaimedUse,
  RegistrationLinkUse,
  RegistrationLinkUsesRepository,
} from '../data/registration-link-uses.repository';
import { HubClient } from '../../hub/hub-client';
import {
  GRANT_BATCH_SIZE,
  GRANT_INLINE_TIMEOUT_MS,
  GRANT_RETRY_BASE_MS,
  GRANT_RETRY_MAX_MS,
  PENDING_SIGNUP_KEEP_EXPIRED_HOURS,
} from '../registration-links.constants';

/** Refusals no retry will change: the Hub is gone, or the hub service rejects the request itself. */
const PERMANENT = new Set<string>([ERROR_CODES.HUB_NOT_FOUND, ERROR_CODES.VALIDATION_FAILED]);

export function grantRetryDelayMs(attempts: number): number {
  return Math.min(GRANT_RETRY_BASE_MS * 2 ** Math.max(0, attempts), GRANT_RETRY_MAX_MS);
}

/**
 * Turns registration-link uses into memberships. The join asks the hub at once, right after its
 * transaction committed (`grantNow`); whatever that did not settle (the hub is down, the call timed
 * out, the process died) stays pending in invite.registration_link_uses and is retried with backoff by
 * the loop here, every REGISTRATION_LINK_GRANT_POLL_MS, on every replica (claims skip each other's rows).
 * The same loop prunes sign-up attempts that have left the rate-limit window, and sign-ups that were
 * never confirmed (with their password hashes) a while after they expired.
 */
@Injectable()
export class RegistrationGrants implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RegistrationGrants');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private started = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uses: RegistrationLinkUsesRepository,
    private readonly attempts: JoinAttemptsRepository,
    private readonly signups: PendingSignupsRepository,
    private readonly hubs: HubClient,
    private readonly env: InviteEnv,
  ) {}

  /**
   * Nest calls bootstrap hooks once per connected microservice as well as for the HTTP app; the loop
   * starts once (a second chain of timers would outlive beforeApplicationShutdown).
   */
  onApplicationBootstrap(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Asks the hub for this use's membership now; never throws. True when the hub confirmed it. */
  async grantNow(use: RegistrationLinkUse): Promise<boolean> {
    const timeoutMs = Math.min(GRANT_INLINE_TIMEOUT_MS, Math.floor(this.env.RPC_TIMEOUT_MS / 2));
    try {
      return await this.settle([{ ...use, attempts: 0 }], timeoutMs);
    } catch (error) {
      this.logger.warn(
        `granting a registration-link membership now failed, retrying later: ${(error as Error).message}`,
      );
      return false;
    }
  }

  /** Works off every due use; returns how many were settled (granted or failed for good). */
  async runDue(): Promise<number> {
    let settled = 0;
    for (;;) {
      const claimed = await this.uses.claimDue(this.dataSource.manager, GRANT_BATCH_SIZE);
      for (const group of groupUses(claimed)) {
        if (await this.settle(group)) settled += group.length;
      }
      if (claimed.length < GRANT_BATCH_SIZE) return settled;
    }
  }

  /** One hub.member.add-bulk for uses of one Hub and user type; records the outcome. */
  private async settle(group: ClaimedUse[], timeoutMs?: number): Promise<boolean> {
    const { hubId, userType } = group[0];
    const ids = group.map((use) => use.accountId);
    const manager = this.dataSource.manager;
    try {
      await this.hubs.addMembers(
        hubId,
        userType,
        null,
        group.map((use) => ({ accountId: use.accountId, email: use.email, displayName: use.displayName })),
        { timeoutMs },
      );
      await this.uses.markGranted(manager, ids);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isDomainError(error) && PERMANENT.has(error.code)) {
        this.logger.error(`registration-link membership in Hub ${hubId} refused for good (${error.code}): ${message}`);
        await this.uses.markFailed(manager, ids, `${error.code}: ${message}`);
        return true;
      }
      const attempts = Math.max(...group.map((use) => use.attempts));
      await this.uses.scheduleRetry(manager, ids, grantRetryDelayMs(attempts), message);
      return false;
    }
  }

  private async round(): Promise<void> {
    await runWithCorrelationId(null, async () => {
      try {
        await this.runDue();
      } catch (error) {
        this.logger.error(`granting registration-link memberships failed, retrying: ${(error as Error).message}`);
      }
      try {
        await this.attempts.prune(this.env.REGISTRATION_LINK_JOIN_WINDOW_SECONDS);
      } catch (error) {
        this.logger.error(`pruning registration-link attempts failed, retrying: ${(error as Error).message}`);
      }
      try {
        await this.signups.pruneExpired(this.dataSource.manager, PENDING_SIGNUP_KEEP_EXPIRED_HOURS);
      } catch (error) {
        this.logger.error(`pruning expired sign-ups failed, retrying: ${(error as Error).message}`);
      }
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.env.REGISTRATION_LINK_GRANT_POLL_MS);
    this.timer.unref();
  }
}

/** One hub.member.add-bulk call per Hub and user type (the request's shape). */
function groupUses(uses: ClaimedUse[]): ClaimedUse[][] {
  const groups = new Map<string, ClaimedUse[]>();
  for (const use of uses) {
    const key = `${use.hubId}|${use.userType}`;
    const group = groups.get(key);
    if (group) group.push(use);
    else groups.set(key, [use]);
  }
  return [...groups.values()];
}
