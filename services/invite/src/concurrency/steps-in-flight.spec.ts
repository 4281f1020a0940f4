import { StepsInFlight, inParallel } from './steps-in-flight';

/** A step that ends when told to, noting when it ran. */
function controlledStep(log: string[], name: string) {
  let finish!: (error?: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await ended;
      log.push(`end ${name}`);
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StepsInFlight', () => {
  it('runs at most `limit` steps at once, and starts the next as soon as one ends', async () => {
    const log: string[] = [];
    const steps = new StepsInFlight(2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledStep(log, name));
    await steps.add(a.run);
    await steps.add(b.run);
    const addingC = steps.add(c.run);
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await addingC;
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.finish();
    c.finish();
    await steps.drain();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c', 'end a', 'end c']);
  });

  it('after a failure starts nothing more, lets the steps under way finish, then throws it', async () => {
    const log: string[] = [];
    const steps = new StepsInFlight(2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => controlledStep(log, name));
    await steps.add(a.run);
    await steps.add(b.run);
    const addingC = steps.add(c.run);
    a.finish(new Error('a failed'));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.finish();
    await expect(addingC).rejects.toThrow('a failed');
    expect(log).toEqual(['start a', 'start b', 'end b']);
    await expect(steps.drain()).rejects.toThrow('a failed');
  });

  it('settle waits for the steps under way without throwing', async () => {
    const log: string[] = [];
    const steps = new StepsInFlight(3);
    const a = controlledStep(log, 'a');
    await steps.add(a.run);
    const settled = steps.settle();
    a.finish(new Error('a failed'));
    await expect(settled).resolves.toBeUndefined();
    expect(log).toEqual(['start a']);
  });
});

describe('inParallel', () => {
  it('answers in the order of the items, with at most `limit` under way', async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([30, 5, 20, 1, 10], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure and passes it on once what was under way has finished', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = inParallel([1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      if (item === 1) throw new Error('chunk 1 failed');
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished++;
    });
    await expect(run).rejects.toThrow('chunk 1 failed');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });
});
