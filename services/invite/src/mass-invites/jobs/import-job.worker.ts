import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { WorkerLoop } from '@gatehouse/worker-loop';
import { InviteEnv } from '../../invite.config';
import { ImportJobRunner } from './import-job.runner';
import { ImportJobsRepository } from './import-jobs.repository';

const POLL_MS = 500;
/**
 * A job whose heartbeat is older than this belonged to a worker that died; another one resumes it. The
 * runner renews the heartbeat every HEARTBEAT_MS (10 s), also in the middle of a long step.
 */
const STALE_AFTER_SECONDS = 60;

/**
 * Runs import jobs in the background, one at a time per process; replicas share the queue of jobs
 * through FOR UPDATE SKIP LOCKED. Woken at once when this process accepts an upload. A job names its
 * replica (REPLICA_ID): booting again, the replica resumes at once the job its previous life was running.
 * On shutdown the job under way stops after its current step and is released for any replica to resume.
 */
@Injectable()
export class ImportJobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ImportJobWorker');
  private readonly owner: string;
  /** One round claims and runs one job; another round follows at once after a job, else after POLL_MS. */
  private readonly loop: WorkerLoop;
  /** True until the first claim, which also takes back this replica's job from before its restart. */
  private booting = true;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportJobRunner,
    env: InviteEnv,
  ) {
    this.owner = `${env.REPLICA_ID}/invite`;
    this.loop = new WorkerLoop({
      name: 'import-job worker',
      pollIntervalMs: POLL_MS,
      errorBackoff: { baseMs: POLL_MS, maxMs: 5000 },
      logger: this.logger,
      runRound: () => this.runNextJob(),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  /** First thing on shutdown, while the database and broker are still there: finish the step, release the job. */
  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Claims the next job and runs it until it ends or the worker stops; returns whether there was one. */
  private async runNextJob(): Promise<boolean> {
    const claimed = await this.jobs.claimNext(STALE_AFTER_SECONDS, this.owner, this.booting);
    this.booting = false;
    if (!claimed) return false;
    const end = await this.runner.run(claimed, () => this.loop.stopping);
    if (end === 'stopped') await this.jobs.release(claimed.id);
    return true;
  }
}
