export interface PollOptions {
  /** Give up after this long (default 15 s). A deadline, never a speed assertion. */
  timeoutMs?: number;
  /** Pause between probes (default 50 ms). */
  intervalMs?: number;
  /** Appended to the error when giving up (e.g. the processes' recent output). */
  detail?: () => string;
}

/**
 * Probes until the probe returns something other than undefined, null or false, and returns that.
 * Throws after the deadline, naming what it waited for; an error the probe throws ends the wait at once.
 * The one wait-for-a-state loop of the repository: tests, benchmarks, `npm start` (a process answering
 * /health/ready) and the development scripts all wait with it, never for fixed times. It lives here, not
 * in libs/testing, because `npm start` uses it and production tooling imports no test helpers.
 */
export async function pollUntil<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  options: PollOptions = {},
): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 50, detail } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`Gave up waiting for ${what} after ${timeoutMs} ms${detail ? `\n${detail()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
