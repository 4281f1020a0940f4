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

/**
 * Declares the exchanges, this service's queues, their dead-letter queues, the events queue's retry queues,
 * the event bindings and those of the events it publishes that nobody consumes. Idempotent; run at every boot before the Nest servers start consuming.
 */
export async function assertTopology(
  channel: Channel,
  names: AmqpNames,
  topology: ServiceTopology,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  await channel.assertExchange(names.eventsExchange, 'topic', { durable: true });
  await channel.assertExchange(names.deadLetterExchange, 'direct', { durable: true });
  const queues = [names.rpcQueue(topology.service)];
  if (topology.consumes.length > 0) queues.push(names.eventsQueue(topology.service));
  for (const queue of queues) {
    await channel.assertQueue(queue, queueOptions(names, queue));
    const dead = names.deadLetterQueue(queue);
    await channel.assertQueue(dead, { durable: true });
    await channel.bindQueue(dead, names.deadLetterExchange, queue);
  }
  if (topology.consumes.length > 0) {
    const eventsQueue = names.eventsQueue(topology.service);
    for (const delayMs of retryDelays(retry)) {
      await channel.assertQueue(names.retryQueue(eventsQueue, delayMs), retryQueueOptions(eventsQueue, delayMs));
    }
  }
  for (const pattern of topology.consumes) {
    await channel.bindQueue(names.eventsQueue(topology.service), names.eventsExchange, pattern);
  }
  if (topology.unconsumed?.length) {
    await channel.assertQueue(names.unconsumedEventsQueue, UNCONSUMED_QUEUE_OPTIONS);
    for (const event of topology.unconsumed) {
      await channel.bindQueue(names.unconsumedEventsQueue, names.eventsExchange, event);
    }
  }
}
