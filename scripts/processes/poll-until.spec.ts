import { pollUntil } from './poll-until';

describe('pollUntil', () => {
  it('returns the first value the probe gives that is not undefined, null or false', async () => {
    let calls = 0;
    const value = await pollUntil(() => (++calls < 3 ? false : { calls }), 'the third probe', { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
  });

  it('gives up after the deadline, naming what it waited for, the deadline and the detail', async () => {
    let probes = 0;
    const waited = pollUntil(() => (probes++, null), '2 email(s) to ada@example.com', {
      timeoutMs: 60,
      intervalMs: 5,
      detail: () => 'got 1',
    });
    await expect(waited).rejects.toThrow('Gave up waiting for 2 email(s) to ada@example.com after 60 ms\ngot 1');
    expect(probes).toBeGreaterThan(1);
  });

  it("ends the wait at once with the probe's own error (a process that exited while starting)", async () => {
    let probes = 0;
    const waited = pollUntil(
      () => {
        probes++;
        throw new Error('hub exited with code 1 while starting');
      },
      'hub to answer /health/ready',
      { timeoutMs: 10_000 },
    );
    await expect(waited).rejects.toThrow('hub exited with code 1 while starting');
    expect(probes).toBe(1);
  });
});
