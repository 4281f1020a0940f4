import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { SessionsService } from '../accounts/sessions/sessions.service';
import { MembershipGrantWorker } from '../invites/grants/membership-grant.worker';
import { HOUSEKEEPING_INTERVAL_MS } from './housekeeping.constants';
import { ExpireInvitesJob } from './expire-invites.job';
import { PickUpRegisteredInviteesJob } from './pick-up-registered-invitees.job';
import { PruneOutboxJob } from './prune-outbox.job';
import { PruneStaleUploadsJob } from './prune-stale-uploads.job';

export interface HousekeepingReport {
  expired: number;
  pickedUp: number;
  granted: number;
  pruned: number;
  sessionsPruned: number;
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
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly expire: ExpireInvitesJob,
    private readonly pickUp: PickUpRegisteredInviteesJob,
    private readonly grants: MembershipGrantWorker,
    private readonly prune: PruneOutboxJob,
    private readonly sessions: SessionsService,
    private readonly staleUploads: PruneStaleUploadsJob,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(1_000);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round of every job, in order (tests call it to move time-based work along). */
  async runOnce(): Promise<HousekeepingReport> {
    return runWithCorrelationId(null, async () => ({
      expired: await this.step('expire invites', () => this.expire.run()),
      pickedUp: await this.step('pick up registered invitees', () => this.pickUp.run()),
      granted: await this.step('grant memberships', () => this.grants.runDue()),
      pruned: await this.step('prune outbox', () => this.prune.run()),
      sessionsPruned: await this.step('prune old browser sessions', () => this.sessions.pruneOld()),
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

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.running = null;
        this.schedule(HOUSEKEEPING_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }
}
