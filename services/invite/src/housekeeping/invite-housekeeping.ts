import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { SessionsService } from '../accounts/sessions/sessions.service';
import { HOUSEKEEPING_INTERVAL_MS } from './housekeeping.constants';
import { ExpireInvitesJob } from './expire-invites.job';
import { PickUpRegisteredInviteesJob } from './pick-up-registered-invitees.job';
import { PruneExpiredSignupsJob } from './prune-expired-signups.job';
import { PruneJoinAttemptsJob } from './prune-join-attempts.job';
import { PruneOutboxJob } from './prune-outbox.job';
import { PruneStaleUploadsJob } from './prune-stale-uploads.job';

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
    private readonly expire: ExpireInvitesJob,
    private readonly pickUp: PickUpRegisteredInviteesJob,
    private readonly prune: PruneOutboxJob,
    private readonly sessions: SessionsService,
    private readonly joinAttempts: PruneJoinAttemptsJob,
    private readonly signups: PruneExpiredSignupsJob,
    private readonly staleUploads: PruneStaleUploadsJob,
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
      expired: await this.step('expire invites', () => this.expire.run()),
      pickedUp: await this.step('pick up registered invitees', () => this.pickUp.run()),
      pruned: await this.step('prune outbox', () => this.prune.run()),
      sessionsPruned: await this.step('prune old browser sessions', () => this.sessions.pruneOld()),
      joinAttemptsPruned: await this.step('prune registration-link attempts', () => this.joinAttempts.run()),
      signupsPruned: await this.step('prune expired sign-ups', () => this.signups.run()),
      uploadsPruned: await this.step('prune abandoned uploads', () => this.staleUploads.run()),
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
