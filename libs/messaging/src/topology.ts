import type { Channel } from 'amqplib';
import { ServiceName } from '@gatehouse/contracts';
import { DEFAULT_RETRY_POLICY, RetryPolicy, retryDelays } from './retry-policy';

/** Names of every exchange and queue of one installation, all under its namespace. */
export class AmqpNames {
  constructor(readonly namespace: string) {}

  /** Topic exchange for every domain event; routing key = event name. */
  get eventsExchange(): string {
    return `${this.namespace}.events`;
  }

  /** Where rejected (nacked) and expired messages go, routed by the queue they came from. */
  get deadLetterExchange(): string {
    return `${this.namespace}.dead-letter`;
  }

  rpcQueue(service: ServiceName): string {
    return `${this.namespace}.${service}.rpc`;
  }

  eventsQueue(service: ServiceName): string {
    return `${this.namespace}.${service}.events`;
  }

  /**
   * Where events that no service consumes by design go (e.g. hub.member.added), so that every event is
   * routable and the outbox can publish mandatory: an event the broker returns is a lost binding, not a design.
   */
  get unconsumedEventsQueue(): string {
    return `${this.namespace}.events.unconsumed`;
  }

  deadLetterQueue(queue: string): string {
    return `${queue}.dead`;
  }

  /** Where a message waits `delayMs` before it goes back to `queue` for another attempt. */
  retryQueue(queue: string, delayMs: number): string {
    return `${queue}.retry.${delayMs}ms`;
  }
}

/** Queue arguments; every party that declares a queue must pass exactly these, or RabbitMQ refuses. */
export function queueOptions(names: AmqpNames, queue: string) {
  return {
    durable: true,
    arguments: {
      'x-dead-letter-exchange': names.deadLetterExchange,
      'x-dead-letter-routing-key': queue,
    },
  };
}

export interface ServiceTopology {
  service: ServiceName;
  /** Event-name patterns (topic wildcards allowed) this service consumes; none = no events queue. */
  consumes: string[];
  /** Events this service publishes that no service consumes by design: bound to events.unconsumed. */
  unconsumed?: string[];
}

/** The events.unconsumed queue keeps a day of such events at most, for inspection; nobody reads it. */
const UNCONSUMED_QUEUE_OPTIONS = {
  durable: true,
  arguments: { 'x-message-ttl': 24 * 3600_000, 'x-max-length': 100_000, 'x-overflow': 'drop-head' },
};

/**
 * A retry queue has no consumer: each message waits out the queue's TTL (one queue per back-off step, so
 * messages expire in order), then is dead-lettered through the default exchange back to its work queue.
 */
export function retryQueueOptions(queue: string, delayMs: number) {
  return {
    durable: true,
    arguments: {
      'x-message-ttl': delayMs,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queue,
    },
  };
}

/** Every exchange and queue of the plan is durable; a queue's arguments are exactly what is declared. */
export interface PlannedExchange {
  name: string;
  type: 'topic' | 'direct';
  durable: true;
}

export interface PlannedQueue {
  name: string;
  durable: boolean;
  arguments: Record<string, unknown>;
}

export interface PlannedBinding {
  exchange: string;
  queue: string;
  routingKey: string;
}

/** What a service declares on the broker, in the order it is declared: exchanges, queues, then bindings. */
export interface TopologyPlan {
  exchanges: PlannedExchange[];
  queues: PlannedQueue[];
  bindings: PlannedBinding[];
}

/**
 * The exchanges, this service's queues, their dead-letter queues, the events queue's retry queues, the
 * event bindings and those of the events it publishes that nobody consumes. The one description of the
 * topology: assertTopology declares it at boot, scripts/export-rabbitmq-definitions.ts writes it for
 * RabbitMQ's load_definitions.
 */
export function topologyPlan(
  names: AmqpNames,
  topology: ServiceTopology,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): TopologyPlan {
  const plan: TopologyPlan = {
    exchanges: [
      { name: names.eventsExchange, type: 'topic', durable: true },
      { name: names.deadLetterExchange, type: 'direct', durable: true },
    ],
    queues: [],
    bindings: [],
  };
  const queues = [names.rpcQueue(topology.service)];
  if (topology.consumes.length > 0) queues.push(names.eventsQueue(topology.service));
  for (const queue of queues) {
    const dead = names.deadLetterQueue(queue);
    plan.queues.push({ name: queue, ...queueOptions(names, queue) }, { name: dead, durable: true, arguments: {} });
    plan.bindings.push({ exchange: names.deadLetterExchange, queue: dead, routingKey: queue });
  }
  if (topology.consumes.length > 0) {
    const eventsQueue = names.eventsQueue(topology.service);
    for (const delayMs of retryDelays(retry)) {
      plan.queues.push({ name: names.retryQueue(eventsQueue, delayMs), ...retryQueueOptions(eventsQueue, delayMs) });
    }
  }
  for (const pattern of topology.consumes) {
    plan.bindings.push({
      exchange: names.eventsExchange,
      queue: names.eventsQueue(topology.service),
      routingKey: pattern,
    });
  }
  if (topology.unconsumed?.length) {
    plan.queues.push({ name: names.unconsumedEventsQueue, ...UNCONSUMED_QUEUE_OPTIONS });
    for (const event of topology.unconsumed) {
      plan.bindings.push({ exchange: names.eventsExchange, queue: names.unconsumedEventsQueue, routingKey: event });
    }
  }
  return plan;
}

/**
 * The plans of several services as one, each exchange, queue and binding once. Two plans that declare
 * the same queue differently would make RabbitMQ refuse the second service: that is an error here too.
 */
export function mergeTopologyPlans(plans: TopologyPlan[]): TopologyPlan {
  const unique = <T>(items: T[], key: (item: T) => string): T[] => {
    const byKey = new Map<string, T>();
    for (const item of items) {
      const known = byKey.get(key(item));
      if (known && JSON.stringify(known) !== JSON.stringify(item)) {
        throw new Error(`declared differently by two services: ${key(item)}`);
      }
      byKey.set(key(item), item);
    }
    return [...byKey.values()];
  };
  return {
    exchanges: unique(
      plans.flatMap((plan) => plan.exchanges),
      (exchange) => exchange.name,
    ),
    queues: unique(
      plans.flatMap((plan) => plan.queues),
      (queue) => queue.name,
    ),
    bindings: unique(
      plans.flatMap((plan) => plan.bindings),
      (binding) => `${binding.exchange} -> ${binding.queue} (${binding.routingKey})`,
    ),
  };
}

/** Declares topologyPlan(names, topology, retry). Idempotent; run at every boot before the Nest servers start consuming. */
export async function assertTopology(
  channel: Channel,
  names: AmqpNames,
  topology: ServiceTopology,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  const plan = topologyPlan(names, topology, retry);
  for (const { name, type, durable } of plan.exchanges) await channel.assertExchange(name, type, { durable });
  for (const { name, ...options } of plan.queues) await channel.assertQueue(name, options);
  for (const { queue, exchange, routingKey } of plan.bindings) await channel.bindQueue(queue, exchange, routingKey);
}
