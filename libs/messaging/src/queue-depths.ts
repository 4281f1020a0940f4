import type { Channel, ChannelModel } from 'amqplib';
import { SERVICE_CONSUMES, SERVICE_NAMES, ServiceName } from '@gatehouse/contracts';
import { RetryPolicy, retryDelays } from './retry-policy';
import { AmqpNames } from './topology';

export type QueueRole = 'rpc' | 'events' | 'dead-letter' | 'retry';

/** A queue the installation declares, and the work queue it serves (itself, for a work queue). */
export interface DeclaredQueue {
  name: string;
  service: ServiceName;
  role: QueueRole;
  workQueue: string;
}

export interface QueueDepth extends DeclaredQueue {
  /** False when the broker does not have the queue (its service never booted, or it was deleted). */
  present: boolean;
  /** Messages ready for delivery (AMQP queue.declare-ok does not count unacked ones); null when missing. */
  ready: number | null;
  consumers: number | null;
}

/**
 * Every queue assertTopology declares for the services of SERVICE_CONSUMES, in the same shape: per service
 * its RPC queue and dead-letter queue, and — when it consumes events — its events queue, dead-letter queue
 * and one retry queue per back-off delay of `retry`.
 */
export function declaredQueues(names: AmqpNames, retry: RetryPolicy): DeclaredQueue[] {
  return SERVICE_NAMES.flatMap((service) => {
    const rpc = names.rpcQueue(service);
    const queues: DeclaredQueue[] = [
      { name: rpc, service, role: 'rpc', workQueue: rpc },
      { name: names.deadLetterQueue(rpc), service, role: 'dead-letter', workQueue: rpc },
    ];
    if (SERVICE_CONSUMES[service].length > 0) {
      const events = names.eventsQueue(service);
      queues.push(
        { name: events, service, role: 'events', workQueue: events },
        { name: names.deadLetterQueue(events), service, role: 'dead-letter', workQueue: events },
        ...retryDelays(retry).map((delayMs) => ({
          name: names.retryQueue(events, delayMs),
          service,
          role: 'retry' as const,
          workQueue: events,
        })),
      );
    }
    return queues;
  });
}

/**
 * The depth of each queue by a passive declare (checkQueue), which needs no management plugin. A missing
 * queue makes the broker close the channel it was checked on, so that queue is reported missing and the
 * next one is checked on a fresh channel. The channels are this function's own and closed at the end.
 */
export async function checkQueueDepths(connection: ChannelModel, queues: DeclaredQueue[]): Promise<QueueDepth[]> {
  let channel: Channel | null = null;
  const depths: QueueDepth[] = [];
  try {
    for (const queue of queues) {
      channel ??= await openQuietChannel(connection);
      try {
        const { messageCount, consumerCount } = await channel.checkQueue(queue.name);
        depths.push({ ...queue, present: true, ready: messageCount, consumers: consumerCount });
      } catch {
        depths.push({ ...queue, present: false, ready: null, consumers: null });
        channel = null; // closed by the broker (404 NOT_FOUND)
      }
    }
  } finally {
    await (channel as Channel | null)?.close().catch(() => undefined);
  }
  return depths;
}

async function openQuietChannel(connection: ChannelModel): Promise<Channel> {
  const channel = await connection.createChannel();
  // A channel the broker closes emits 'error'; without a listener that would crash the process.
  channel.on('error', () => undefined);
  return channel;
}
