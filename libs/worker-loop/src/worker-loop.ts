/** Where a loop reports a failed round (Nest's Logger fits). */
export interface WorkerLoopLogger {
  error(message: string): void;
}

export interface WorkerLoopOptions {
  /** Names the loop in its log lines ("outbox relay", "delivery worker", …). */
  name: string;
  /**
   * One round of work. Resolves `true` when there is more to do at once (a full batch, a job just
   * finished): the next round starts without waiting. Anything else waits for a wake or the poll.
   */
  runRound: () => Promise<boolean | void>;
  /** Wait between rounds when nothing woke the loop: the safety net for work nobody announced. */
  pollIntervalMs: number;
  /** Wait before the first round (default 0: at once). A wake cuts it short. */
  startDelayMs?: number;
  /**
   * Wait after a failed round: baseMs, doubling per failure in a row up to maxMs; a round that succeeds
   * resets it. Default: the poll interval, not growing. A wake still starts a round at once.
   */
  errorBackoff?: { baseMs: number; maxMs: number };
  logger: WorkerLoopLogger;
}

type State = 'idle' | 'running' | 'stopping' | 'stopped';

/**
 * The one background loop of the repository (outbox relay, delivery worker, import-job worker,
 * housekeeping, the gateway's rate-limit pruning): runs `runRound` again and again, one round at a time.
 * Between rounds it sleeps until the earliest of: the poll interval (or the error back-off), `wake()`,
 * or a `wakeAfter(ms)` timer. A wake that arrives during a round makes the next round start at once,
 * so no announcement is lost. A failing round is logged and retried after the back-off.
 *
 * `start()` is idempotent (Nest calls onApplicationBootstrap once for the HTTP app and once per connected
 * microservice); `stop()` lets the round under way finish and resolves when it has, and is idempotent
 * too. A loop never starts again after a stop. Its timers are unref'd: a loop alone never keeps a
 * process alive.
 */
export class WorkerLoop {
  private state: State = 'idle';
  private loop: Promise<void> | null = null;
  /** A wake arrived since the current round began: go again without sleeping. */
  private pendingWake = false;
  /** Ends the current sleep early (set while sleeping). */
  private interruptSleep: (() => void) | null = null;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeDueAt = 0;
  private failuresInARow = 0;

  constructor(private readonly options: WorkerLoopOptions) {}

  /** Starts the loop; does nothing if it was started (or stopped) already. Returns whether this call started it. */
  start(): boolean {
    if (this.state !== 'idle') return false;
    this.state = 'running';
    this.loop = this.run();
    return true;
  }

  /** Asks the round under way to be the last, and resolves once it has ended. */
  async stop(): Promise<void> {
    if (this.state === 'idle') this.state = 'stopped';
    if (this.state === 'running') this.state = 'stopping';
    this.clearWakeTimer();
    this.interruptSleep?.();
    await this.loop;
    this.state = 'stopped';
  }

  /** True between start() and stop(). */
  get running(): boolean {
    return this.state === 'running';
  }

  /** True once stop() was called: work under way should wind down (finish its step, release the rest). */
  get stopping(): boolean {
    return this.state === 'stopping' || this.state === 'stopped';
  }

  /** Run a round now: at once when idle, right after the current round when one is under way. */
  wake(): void {
    this.pendingWake = true;
    this.interruptSleep?.();
  }

  /**
   * Run a round in `delayMs` (work that becomes due then, such as a retry). One timer, for the earliest
   * time asked; a delay no shorter than the poll interval is left to the poll. Only while running.
   */
  wakeAfter(delayMs: number): void {
    if (!this.running || delayMs >= this.options.pollIntervalMs) return;
    const dueAt = Date.now() + delayMs;
    if (this.wakeTimer && this.wakeDueAt <= dueAt) return;
    this.clearWakeTimer();
    this.wakeDueAt = dueAt;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wake();
    }, delayMs);
    this.wakeTimer.unref();
  }

  private async run(): Promise<void> {
    if (this.options.startDelayMs) await this.sleep(this.options.startDelayMs);
    while (this.state === 'running') {
      this.pendingWake = false;
      let more = false;
      let wait = this.options.pollIntervalMs;
      try {
        more = (await this.options.runRound()) === true;
        this.failuresInARow = 0;
      } catch (error) {
        this.failuresInARow++;
        wait = this.errorWait();
        this.options.logger.error(
          `${this.options.name}: round failed (${this.failuresInARow} in a row), retrying in ${wait} ms: ` +
            `${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (this.state !== 'running') break;
      if (!more && !this.pendingWake) await this.sleep(wait);
    }
    this.clearWakeTimer();
  }

  private errorWait(): number {
    const { baseMs, maxMs } = this.options.errorBackoff ?? {
      baseMs: this.options.pollIntervalMs,
      maxMs: this.options.pollIntervalMs,
    };
    return Math.min(maxMs, baseMs * 2 ** Math.min(this.failuresInARow - 1, 30));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.interruptSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      this.interruptSleep = done;
    });
  }

  private clearWakeTimer(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
  }
}
