import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDomainError } from '@gatehouse/contracts';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { DataSource } from 'typeorm';
import { HubClient } from '../hub/hub-client';
import { InviteEnv } from '../invite.config';
import { PERMANENT_GRANT_REFUSALS, grantRetryDelayMs } from './grant-retry';
import { GRANT_BATCH_SIZE, GRANT_INLINE_TIMEOUT_MS } from './membership-grants.constants';
import { MembershipGrantsRepository, PendingGrant } from './membership-grants.repository';

/**
 * The one worker that turns membership grants (accepted invites, registration-link joins) into
 * memberships: one hub.member.add-bulk (idempotent, set-based) per Hub, user type and adder, and the
 * outcome recorded. The use case that recorded grants asks for them at once after its commit
 * (`grantNow`); whatever that did not settle (the hub is down, the call timed out, the process died)
 * stays pending and is retried with one backoff policy by the loop here (a WorkerLoop polling every
 * MEMBERSHIP_GRANT_POLL_MS, woken when a retry falls due sooner), on every replica (claims with a lease
 * skip each other's rows).
 */
@Injectable()
export class MembershipGrantWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MembershipGrantWorker');
  private readonly loop: WorkerLoop;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: MembershipGrantsRepository,
    private readonly hubs: HubClient,
    private readonly env: InviteEnv,
  ) {
    this.loop = new WorkerLoop({
      name: 'membership grants',
      // As before: the first look one poll after boot (an inline grant of a fresh row is leased anyway).
      startDelayMs: env.MEMBERSHIP_GRANT_POLL_MS,
      pollIntervalMs: env.MEMBERSHIP_GRANT_POLL_MS,
      logger: this.logger,
      runRound: () => runWithCorrelationId(null, async () => void (await this.runDue())),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /**
   * Asks the hub for these (just committed) grants now, in the order given (a sign-up's link grant before
   * the invites it accepted: for one Hub, the first to arrive decides the user type). Never throws for a
   * failed hub call: returns the ids of the grants the hub has confirmed.
   */
  async grantNow(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const timeoutMs = Math.min(GRANT_INLINE_TIMEOUT_MS, Math.floor(this.env.RPC_TIMEOUT_MS / 2));
    const order = new Map(ids.map((id, index) => [id, index]));
    try {
      const pending = await this.grants.pending(this.dataSource.manager, ids);
      pending.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      for (const group of groupGrants(pending)) await this.settle(group, timeoutMs);
    } catch (error) {
      this.logger.warn(`granting memberships now failed, the retry loop takes over: ${(error as Error).message}`);
    }
    const status = await this.grants.statusOf(this.dataSource.manager, ids);
    return new Set(ids.filter((id) => status.get(id) === 'done'));
  }

  /** Works off every grant that is due; returns how many were settled (done or failed for good). */
  async runDue(): Promise<number> {
    let settled = 0;
    for (;;) {
      const claimed = await this.grants.claimDue(this.dataSource.manager, GRANT_BATCH_SIZE);
      for (const group of groupGrants(claimed)) {
        if (await this.settle(group)) settled += group.length;
      }
      if (claimed.length < GRANT_BATCH_SIZE) return settled;
    }
  }

  /** One hub.member.add-bulk for one group; records the outcome. True when the group is settled. */
  private async settle(group: PendingGrant[], timeoutMs?: number): Promise<boolean> {
    const { hubId, userType, addedBy } = group[0];
    const ids = group.map((grant) => grant.id);
    const manager = this.dataSource.manager;
    try {
      await this.hubs.addMembers(
        hubId,
        userType,
        addedBy,
        group.map((grant) => ({ accountId: grant.accountId, email: grant.email, displayName: grant.displayName })),
        { timeoutMs },
      );
      await this.grants.markDone(manager, ids);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isDomainError(error) && PERMANENT_GRANT_REFUSALS.has(error.code)) {
        this.logger.error(`membership grant for Hub ${hubId} refused for good (${error.code}): ${message}`);
        await this.grants.markFailed(manager, ids, `${error.code}: ${message}`);
        return true;
      }
      const attempts = Math.max(...group.map((grant) => grant.attempts));
      const delayMs = grantRetryDelayMs(attempts);
      await this.grants.scheduleRetry(manager, ids, delayMs, message);
      this.loop.wakeAfter(delayMs);
      return false;
    }
  }
}

/** One hub.member.add-bulk call per Hub, user type and adder (the request's shape). */
function groupGrants(grants: PendingGrant[]): PendingGrant[][] {
  const groups = new Map<string, PendingGrant[]>();
  for (const grant of grants) {
    const key = `${grant.hubId}|${grant.userType}|${grant.addedBy ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(grant);
    else groups.set(key, [grant]);
  }
  return [...groups.values()];
}
