/**
 * Steps of work run side by side, at most `limit` at once, so that the next step starts while the last
 * ones are still waiting on the hub or the database (a mass invite's steps, a batch's chunks, a look-up's
 * queries: the pipeline never drains between steps). After a
 * failure nothing further starts; every wait lets the steps under way finish before the error is passed on.
 */
export class StepsInFlight {
  private readonly running = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(private readonly limit: number) {}

  /** Starts `step` once fewer than `limit` run; throws (after the others finished) if one failed. */
  async add(step: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit && this.failure === null) await Promise.race(this.running);
    if (this.failure !== null) return this.drain();
    const running: Promise<void> = step()
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => this.running.delete(running));
    this.running.add(running);
  }

  /** Waits for every step under way; throws the first failure, if any. */
  async drain(): Promise<void> {
    await this.settle();
    if (this.failure !== null) throw this.failure.error;
  }

  /** Waits for every step under way, whatever its end. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/**
 * `work` applied to every item, at most `limit` at once; results in the order of the items. After a
 * failure nothing further starts, and what is under way is let finish before the error is passed on.
 */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const steps = new StepsInFlight(limit);
  for (const [index, item] of items.entries()) {
    await steps.add(async () => {
      results[index] = await work(item);
    });
  }
  await steps.drain();
  return results;
}
