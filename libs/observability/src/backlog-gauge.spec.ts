import { Registry } from 'prom-client';
import { registerBacklogGauge } from './backlog-gauge';

describe('registerBacklogGauge', () => {
  it('reads the counts at each scrape, and keeps the last ones when the read fails', async () => {
    const registry = new Registry();
    const answers: (Record<string, number> | Error)[] = [
      { queued: 3, retrying: 1 },
      new Error('no database'),
      { queued: 0, retrying: 2 },
    ];
    registerBacklogGauge(registry, {
      name: 'test_waiting',
      help: 'waiting',
      label: 'state',
      read: async () => {
        const answer = answers.shift()!;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    });
    const scrape = async () =>
      (await registry.getSingleMetricAsString('test_waiting')).split('\n').filter((line) => !line.startsWith('#'));

    expect(await scrape()).toEqual(['test_waiting{state="queued"} 3', 'test_waiting{state="retrying"} 1']);
    expect(await scrape()).toEqual(['test_waiting{state="queued"} 3', 'test_waiting{state="retrying"} 1']);
    expect(await scrape()).toEqual(['test_waiting{state="queued"} 0', 'test_waiting{state="retrying"} 2']);
  });
});
