import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
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
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  /** True until the first claim, which also takes back this replica's job from before its restart. */
  private booting = true;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportJobRunner,
    env: InviteEnv,
  ) {
    this.owner = `${env.REPLICA_ID}/invite`;
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** First thing on shutdown, while the database and broker are still there: finish the step, release the job. */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        const claimed = await this.jobs.claimNext(STALE_AFTER_SECONDS, this.owner, this.booting);
        this.booting = false;
        if (claimed) {
          worked = true;
          const end = await this.runner.run(claimed, () => !this.running);
          if (end === 'stopped') await this.jobs.release(claimed.id);
        }
      } catch (error) {
        this.logger.error(`import worker: ${(error as Error).message}`);
      }
      if (!worked && this.running) await this.sleep(POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
    });
  }
}
