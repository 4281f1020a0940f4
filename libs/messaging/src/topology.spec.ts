import { HUB_EVENTS, SERVICE_CONSUMES } from '@gatehouse/contracts';
import { AmqpNames, mergeTopologyPlans, topologyPlan } from './topology';

describe('topologyPlan', () => {
  const names = new AmqpNames('ns');
  const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 1500 };
  const notification = topologyPlan(
    names,
    { service: 'notification', consumes: SERVICE_CONSUMES.notification },
    policy,
  );

  it("has the notification events queue's retry queues, each waiting its delay and dead-lettered back to the events queue", () => {
    const retryQueues = notification.queues.filter((queue) => queue.name.includes('.retry.'));
    expect(retryQueues).toEqual(
      [500, 1000, 1500].map((ttl) => ({
        name: `ns.notification.events.retry.${ttl}ms`,
        durable: true,
        arguments: {
          'x-message-ttl': ttl,
          'x-dead-letter-exchange': '',
          'x-dead-letter-routing-key': 'ns.notification.events',
        },
      })),
    );
  });

  it('binds the notification events queue to hub.member.added, and dead-letters it to its own dead-letter queue', () => {
    expect(notification.bindings).toContainEqual({
      exchange: 'ns.events',
      queue: 'ns.notification.events',
      routingKey: HUB_EVENTS.MEMBERS_ADDED,
    });
    expect(notification.queues).toContainEqual({
      name: 'ns.notification.events',
      durable: true,
      arguments: { 'x-dead-letter-exchange': 'ns.dead-letter', 'x-dead-letter-routing-key': 'ns.notification.events' },
    });
    expect(notification.bindings).toContainEqual({
      exchange: 'ns.dead-letter',
      queue: 'ns.notification.events.dead',
      routingKey: 'ns.notification.events',
    });
  });

  it('gives a service that consumes no events only its RPC queue and dead-letter queue', () => {
    const plan = topologyPlan(names, { service: 'hub', consumes: [] }, policy);
    expect(plan.queues.map((queue) => queue.name)).toEqual(['ns.hub.rpc', 'ns.hub.rpc.dead']);
  });

  it('merges plans with each exchange, queue and binding once, and refuses a queue declared two ways', () => {
    const invite = topologyPlan(names, { service: 'invite', consumes: ['a.b.c'] }, policy);
    const merged = mergeTopologyPlans([notification, invite, notification]);
    expect(merged.exchanges.map((exchange) => exchange.name)).toEqual(['ns.events', 'ns.dead-letter']);
    expect(merged.queues).toHaveLength(notification.queues.length + invite.queues.length);
    expect(merged.bindings).toHaveLength(notification.bindings.length + invite.bindings.length);

    const conflicting = { ...invite, queues: [{ ...invite.queues[0], durable: false }] };
    expect(() => mergeTopologyPlans([invite, conflicting])).toThrow(
      'declared differently by two services: ns.invite.rpc',
    );
  });
});
