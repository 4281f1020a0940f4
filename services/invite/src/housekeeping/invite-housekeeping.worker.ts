import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { PruneOldSessions } from '../accounts/sessions/prune-old-sessions.usecase';
import { HOUSEKEEPING_INTERVAL_MS } from './housekeeping.constants';
import { ExpireInvites } from './expire-invites.usecase';
import { PickUpRegisteredInvitees } from './pick-up-registered-invitees.usecase';
import { PruneExpiredSignups } from './prune-expired-signups.usecase';
import { PruneJoinAttempts } from './prune-join-attempts.usecase';
import { PruneOutbox } from './prune-outbox.usecase';
import { PruneStaleUploads } from './prune-stale-uploads.usecase';

export interface HousekeepingReport {
  expired: number;
  pickedUp: number;
  pruned: number;
  sessionsPruned: number;
  joinAttemptsPruned: number;
  signupsPruned: number;
  uploadsPruned: number;
}

/**
 * The invite service's periodic work, one round every HOUSEKEEPING_INTERVAL_MS (and one soon after
 * boot, to catch up after a crash). Every replica runs it; each job is safe to run concurrently
 * (SKIP LOCKED, conditional updates, idempotent hub calls). A failing job is logged and retried next round.
 */
@Injectable()
export class InviteHousekeeping implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('InviteHousekeeping');
  /** A round never fails as a whole (each job's failure is logged by step()), so it never backs off. */
  private readonly loop = new WorkerLoop({
    name: 'invite housekeeping',
    startDelayMs: 1_000,
    pollIntervalMs: HOUSEKEEPING_INTERVAL_MS,
    logger: this.logger,
    runRound: async () => void (await this.runOnce()),
  });

  constructor(
    private readonly expire: ExpireInvites,
    private readonly pickUp: PickUpRegisteredInvitees,
    private readonly prune: PruneOutbox,
    private readonly pruneSessions: PruneOldSessions,
    private readonly joinAttempts: PruneJoinAttempts,
    private readonly signups: PruneExpiredSignups,
    private readonly staleUploads: PruneStaleUploads,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One round of every job, in order (tests call it to move time-based work along). */
  async runOnce(): Promise<HousekeepingReport> {
    return runWithCorrelationId(null, async () => ({
      expired: await this.step('expire invites', () => this.expire.execute()),
      pickedUp: await this.step('pick up registered invitees', () => this.pickUp.execute()),
      pruned: await this.step('prune outbox', () => this.prune.execute()),
      sessionsPruned: await this.step('prune old browser sessions', () => this.pruneSessions.execute()),
      joinAttemptsPruned: await this.step('prune registration-link attempts', () => this.joinAttempts.execute()),
      signupsPruned: await this.step('prune expired sign-ups', () => this.signups.execute()),
      uploadsPruned: await this.step('prune abandoned uploads', () => this.staleUploads.execute()),
    }));
  }

  private async step(name: string, job: () => Promise<number>): Promise<number> {
    try {
      return await job();
    } catch (error) {
      this.logger.error(`${name} failed, retrying next round: ${(error as Error).message}`);
      return 0;
    }
  }
}
