import { describeNodeOptions, nodeOptionsFor } from './deployed-node-options';

describe('the NODE_OPTIONS the bench runs each process with', () => {
  const saved = process.env.BENCH_NODE_OPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BENCH_NODE_OPTIONS;
    else process.env.BENCH_NODE_OPTIONS = saved;
  });

  it("reads them from the process's Deployment in deploy/k8s", () => {
    delete process.env.BENCH_NODE_OPTIONS;
    const options = nodeOptionsFor('notification');
    expect(options.source).toBe('deploy/k8s/notification.yaml');
    expect(options.value).toMatch(/--max-old-space-size=\d+/);
    expect(options.value).toMatch(/--max-semi-space-size=\d+/);
  });

  it('takes BENCH_NODE_OPTIONS for every process instead, even when empty', () => {
    process.env.BENCH_NODE_OPTIONS = '';
    expect(nodeOptionsFor('hub')).toEqual({ value: '', source: 'BENCH_NODE_OPTIONS' });
    process.env.BENCH_NODE_OPTIONS = '--max-old-space-size=128';
    expect(describeNodeOptions(['hub', 'gateway'])).toBe(
      'hub: `--max-old-space-size=128` (BENCH_NODE_OPTIONS); gateway: `--max-old-space-size=128` (BENCH_NODE_OPTIONS)',
    );
  });
});
