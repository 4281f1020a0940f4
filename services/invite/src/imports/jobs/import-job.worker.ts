import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ImportJobRunner } from './import-job.runner';
import { ImportJobsRepository } from './import-jobs.repository';

const POLL_MS = 500;
/** A job whose heartbeat is older than this belonged to a worker that died; another one resumes it. */
const STALE_AFTER_SECONDS = 60;

/**
 * Runs import jobs in the background, one at a time per process; replicas share the queue of jobs
 * through FOR UPDATE SKIP LOCKED. Woken at once when this process accepts an upload.
 */
@Injectable()
export class ImportJobWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ImportJobWorker');
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly jobs: ImportJobsRepository,
    private readonly runner: ImportJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
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
        const claimed = await this.jobs.claimNext(STALE_AFTER_SECONDS);
        if (claimed) {
          worked = true;
          await this.runner.run(claimed.job, claimed.content);
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
