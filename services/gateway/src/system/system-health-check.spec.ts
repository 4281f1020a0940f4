import type { QueueDepth } from '@gatehouse/messaging';
import { ProcessStatus, summarise } from './system-health-check';

const up = (name: ProcessStatus['name']): ProcessStatus => ({
  name,
  up: true,
  version: '0.1.0',
  replicaId: 'r1',
  startedAt: new Date().toISOString(),
  uptimeSeconds: 5,
  error: null,
});
const queue = (name: string, role: QueueDepth['role'], ready: number | null, present = true): QueueDepth => ({
  name,
  service: 'hub',
  role,
  workQueue: name.replace(/\.dead$/, ''),
  present,
  ready,
  consumers: 0,
});
const healthy = {
  processes: [up('gateway'), up('hub')],
  postgres: { reachable: true },
  rabbitmq: { reachable: true },
  queues: [queue('ns.hub.rpc', 'rpc', 3), queue('ns.hub.rpc.dead', 'dead-letter', 0)],
  outbox: [{ service: 'hub' as const, unsent: 2, oldestUnsentAt: new Date().toISOString() }],
};

describe('summarise (the health status and its reasons)', () => {
  it('is ok when everything answers, no dead letters, and the outbox drains (work in queues is normal)', () => {
    expect(summarise(healthy)).toEqual({ status: 'ok', problems: [] });
  });

  it('is degraded by an outbox event unsent for over a minute, with the service named', () => {
    const stale = new Date(Date.now() - 61_000).toISOString();
    expect(summarise({ ...healthy, outbox: [{ service: 'hub', unsent: 1, oldestUnsentAt: stale }] })).toEqual({
      status: 'degraded',
      problems: ['The hub outbox has events unsent for over a minute.'],
    });
  });

  it('is down when a process does not answer or the database is unreachable, degraded reasons kept', () => {
    const result = summarise({
      ...healthy,
      processes: [up('gateway'), { ...up('hub'), up: false }],
      postgres: { reachable: false },
      queues: [queue('ns.hub.rpc.dead', 'dead-letter', 1), queue('ns.hub.events', 'events', null, false)],
    });
    expect(result).toEqual({
      status: 'down',
      problems: [
        'PostgreSQL cannot be reached by any service.',
        'The hub service does not answer.',
        '1 message in the dead-letter queue ns.hub.rpc.dead.',
        'Queue ns.hub.events is missing.',
      ],
    });
  });
});
