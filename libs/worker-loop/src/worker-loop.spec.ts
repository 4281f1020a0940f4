import { WorkerLoop, WorkerLoopOptions } from './worker-loop';

/** Probes every 5 ms until true; fails after 2 s (a deadline, not a speed check). */
async function until(probe: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise the test settles by hand. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('WorkerLoop', () => {
  const loops: WorkerLoop[] = [];
  let errors: string[];
  let rounds: number[];

  /** A loop that records when each round started; `round` is its work (default: nothing more to do). */
  function newLoop(options: Partial<WorkerLoopOptions> & { round?: (n: number) => Promise<boolean | void> }) {
    const { round = async () => false, ...rest } = options;
    const loop = new WorkerLoop({
      name: 'test loop',
      pollIntervalMs: 60_000,
      logger: { error: (message) => errors.push(message) },
      runRound: () => {
        rounds.push(Date.now());
        return round(rounds.length);
      },
      ...rest,
    });
    loops.push(loop);
    return loop;
  }

  beforeEach(() => {
    errors = [];
    rounds = [];
  });
  afterEach(async () => {
    await Promise.all(loops.splice(0).map((loop) => loop.stop()));
  });

  it('runs a first round at once, then one per poll interval', async () => {
    newLoop({ pollIntervalMs: 30 }).start();
    await until(() => rounds.length >= 1, 'the first round');
    await until(() => rounds.length >= 4, 'three polls');
    for (let i = 1; i < rounds.length; i++) expect(rounds[i] - rounds[i - 1]).toBeGreaterThanOrEqual(25);
  });

  it('starts once however often start() is called, and never runs two rounds at a time', async () => {
    let inRound = 0;
    let overlapped = false;
    const loop = newLoop({
      pollIntervalMs: 5,
      round: async () => {
        overlapped ||= ++inRound > 1;
        await pause(10);
        inRound--;
      },
    });
    expect(loop.start()).toBe(true);
    expect(loop.start()).toBe(false);
    expect(loop.start()).toBe(false);
    await until(() => rounds.length >= 5, 'five rounds');
    loop.wake();
    loop.wake();
    await until(() => rounds.length >= 8, 'eight rounds');
    expect(overlapped).toBe(false);
  });

  it('wake() starts a round at once instead of waiting for the poll', async () => {
    const loop = newLoop({});
    loop.start();
    await until(() => rounds.length === 1, 'the first round');
    await pause(30);
    expect(rounds).toHaveLength(1);
    loop.wake();
    await until(() => rounds.length === 2, 'the woken round');
  });

  it('a wake that arrives during a round makes the next round start right after it', async () => {
    const first = gate();
    const loop = newLoop({ round: (n) => (n === 1 ? first.promise.then(() => false) : Promise.resolve(false)) });
    loop.start();
    await until(() => rounds.length === 1, 'the first round');
    loop.wake(); // the work announced now may have been missed by the round under way
    first.open();
    await until(() => rounds.length === 2, 'the round after the wake');
    await pause(30);
    expect(rounds).toHaveLength(2);
  });

  it('goes again at once while a round says there is more to do', async () => {
    const loop = newLoop({ round: async (n) => n < 4 });
    loop.start();
    await until(() => rounds.length === 4, 'four rounds');
    await pause(30);
    expect(rounds).toHaveLength(4);
  });

  it('wakeAfter(ms) runs a round once the earliest asked delay is over; a delay past the poll is left to it', async () => {
    const loop = newLoop({ pollIntervalMs: 10_000 });
    loop.start();
    await until(() => rounds.length === 1, 'the first round');
    const askedAt = Date.now();
    loop.wakeAfter(1200);
    loop.wakeAfter(60);
    loop.wakeAfter(900);
    loop.wakeAfter(20_000);
    await until(() => rounds.length === 2, 'the round after the earliest delay');
    expect(rounds[1] - askedAt).toBeGreaterThanOrEqual(55);
    expect(rounds[1] - askedAt).toBeLessThan(850); // the 60 ms one, not a later one
    await pause(1300 - (Date.now() - askedAt));
    expect(rounds).toHaveLength(2); // one timer: the later delays did not each run a round
  });

  it('backs off after failed rounds, doubling up to the maximum, and starts over after a success', async () => {
    const loop = newLoop({
      pollIntervalMs: 10_000,
      errorBackoff: { baseMs: 40, maxMs: 120 },
      round: async (n) => {
        if (n <= 4 || n === 6) throw new Error(`broken ${n}`);
        return n === 5; // the fifth succeeds, with more to do
      },
    });
    loop.start();
    await until(() => rounds.length === 7, 'seven rounds');
    const gaps = rounds.slice(1).map((at, i) => at - rounds[i]);
    expect(gaps[0]).toBeGreaterThanOrEqual(35); // 40
    expect(gaps[1]).toBeGreaterThanOrEqual(75); // 80
    expect(gaps[2]).toBeGreaterThanOrEqual(115); // 120, capped (not 160)
    expect(gaps[3]).toBeGreaterThanOrEqual(115); // 120
    expect(gaps[5]).toBeGreaterThanOrEqual(35); // 40 again
    expect(errors).toEqual([
      'test loop: round failed (1 in a row), retrying in 40 ms: broken 1',
      'test loop: round failed (2 in a row), retrying in 80 ms: broken 2',
      'test loop: round failed (3 in a row), retrying in 120 ms: broken 3',
      'test loop: round failed (4 in a row), retrying in 120 ms: broken 4',
      'test loop: round failed (1 in a row), retrying in 40 ms: broken 6',
    ]);
  });

  it('a wake cuts the error back-off short', async () => {
    const loop = newLoop({
      errorBackoff: { baseMs: 10_000, maxMs: 10_000 },
      round: async (n) => {
        if (n === 1) throw new Error('broken');
      },
    });
    loop.start();
    await until(() => errors.length === 1, 'the failed round');
    loop.wake();
    await until(() => rounds.length === 2, 'the woken round');
  });

  it('stop() waits for the round under way, which sees `stopping`; no round runs after it', async () => {
    const release = gate();
    let sawStopping = false;
    const loop = newLoop({
      pollIntervalMs: 5,
      round: async (n) => {
        if (n !== 1) return;
        await release.promise;
        sawStopping = loop.stopping;
      },
    });
    loop.start();
    expect(loop.running).toBe(true);
    await until(() => rounds.length === 1, 'the first round');
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await pause(30);
    expect(stopped).toBe(false);
    expect(loop.running).toBe(false);
    release.open();
    await stopping;
    expect(sawStopping).toBe(true);
    loop.wake();
    loop.wakeAfter(1);
    expect(loop.start()).toBe(false);
    await loop.stop(); // twice is fine
    await pause(30);
    expect(rounds).toHaveLength(1);
  });

  it('stop() ends a sleep at once, and a loop never started stops without running anything', async () => {
    const sleeping = newLoop({});
    sleeping.start();
    await until(() => rounds.length === 1, 'the first round');
    const startedAt = Date.now();
    await sleeping.stop();
    expect(Date.now() - startedAt).toBeLessThan(1000);

    const never = newLoop({});
    await never.stop();
    expect(never.stopping).toBe(true);
    expect(never.start()).toBe(false);
    await pause(20);
    expect(rounds).toHaveLength(1);
  });

  it('waits startDelayMs before the first round; a wake cuts the delay short', async () => {
    const startedAt = Date.now();
    newLoop({ startDelayMs: 80 }).start();
    await until(() => rounds.length === 1, 'the delayed first round');
    expect(rounds[0] - startedAt).toBeGreaterThanOrEqual(75);

    const woken = newLoop({ startDelayMs: 60_000 });
    woken.start();
    woken.wake();
    await until(() => rounds.length === 2, 'the first round after a wake');
  });
});
