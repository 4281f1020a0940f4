import type { ChannelModel, ConfirmChannel, GetMessage } from 'amqplib';
import { SERVICE_NAMES } from '@gatehouse/contracts';
import { ATTEMPTS_HEADER, withoutDeathHeaders } from './retry-policy';
import { AmqpNames } from './topology';

/** One dead-lettered message as an operator sees it. */
export interface DeadLetter {
  pattern: string | null;
  messageId: string | null;
  /** The queue it was rejected from (where a replay sends it). */
  queue: string;
  /** A request: its caller already had an error or a timeout, so it is never replayed. */
  isRequest: boolean;
  attempts: number;
  /** The broker's reason: `rejected` (a handler gave up on it) or `expired` (a request nobody took in time). */
  reason: string | null;
  deadLetteredAt: string | null;
  body: string;
}

export interface ReplayResult {
  replayed: number;
  /** Requests left in the dead-letter queue: nobody waits for their answer any more. */
  keptRequests: number;
}

/**
 * An operator's tools for the dead-letter queues of one installation (`npm run dlq`): list what is there,
 * replay events to the queue they came from (with a fresh attempt count), or discard them.
 */
export class DeadLetterQueues {
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    readonly names: AmqpNames,
  ) {}

  static async open(connection: ChannelModel, names: AmqpNames): Promise<DeadLetterQueues> {
    return new DeadLetterQueues(connection, await connection.createConfirmChannel(), names);
  }

  /** Every dead-letter queue of the installation. */
  allQueues(): string[] {
    return SERVICE_NAMES.flatMap((service) => [
      this.names.deadLetterQueue(this.names.rpcQueue(service)),
      this.names.deadLetterQueue(this.names.eventsQueue(service)),
    ]);
  }

  /** Accepts a work queue's name or its dead-letter queue's, with or without the namespace. */
  resolve(queue: string): string {
    const qualified = queue.startsWith(`${this.names.namespace}.`) ? queue : `${this.names.namespace}.${queue}`;
    const dead = qualified.endsWith('.dead') ? qualified : this.names.deadLetterQueue(qualified);
    if (!this.allQueues().includes(dead)) {
      throw new Error(`${queue} is not a dead-letter queue of ${this.names.namespace}: ${this.allQueues().join(', ')}`);
    }
    return dead;
  }

  /** Message counts per dead-letter queue (a queue not declared yet counts 0). */
  async counts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const queue of this.allQueues()) {
      counts[queue] = await this.withChannel(async (channel) => (await channel.checkQueue(queue)).messageCount, 0);
    }
    return counts;
  }

  /** The messages in a dead-letter queue, left where they are. */
  async peek(deadQueue: string): Promise<DeadLetter[]> {
    const taken = await this.takeAll(deadQueue);
    const letters = taken.map(describe);
    for (const message of taken) this.channel.nack(message, false, true);
    return letters;
  }

  /** Sends each dead-lettered event back to its queue with a fresh attempt count; requests stay. */
  async replay(deadQueue: string): Promise<ReplayResult> {
    const taken = await this.takeAll(deadQueue);
    const result: ReplayResult = { replayed: 0, keptRequests: 0 };
    for (const message of taken) {
      if (message.properties.replyTo) {
        result.keptRequests++;
        continue;
      }
      const { [ATTEMPTS_HEADER]: _spent, ...headers } = withoutDeathHeaders(message.properties.headers);
      this.channel.sendToQueue(message.fields.routingKey, message.content, {
        persistent: true,
        messageId: message.properties.messageId,
        contentType: message.properties.contentType,
        headers,
      });
      result.replayed++;
    }
    await this.channel.waitForConfirms();
    for (const message of taken) {
      if (message.properties.replyTo) this.channel.nack(message, false, true);
      else this.channel.ack(message);
    }
    return result;
  }

  /** Drops every message of a dead-letter queue; returns how many. */
  async discard(deadQueue: string): Promise<number> {
    return (await this.channel.purgeQueue(deadQueue)).messageCount;
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
  }

  /** Takes (unacked) every message in the queue now; the caller settles each. */
  private async takeAll(queue: string): Promise<GetMessage[]> {
    const taken: GetMessage[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: false });
      if (!message) return taken;
      taken.push(message);
    }
  }

  /** checkQueue on a missing queue closes the channel it ran on, so it gets one of its own. */
  private async withChannel<T>(work: (channel: ConfirmChannel) => Promise<T>, fallback: T): Promise<T> {
    const channel = await this.connection.createConfirmChannel();
    channel.on('error', () => undefined);
    try {
      return await work(channel);
    } catch {
      return fallback;
    } finally {
      await channel.close().catch(() => undefined);
    }
  }
}

function describe(message: GetMessage): DeadLetter {
  const body = message.content.toString();
  let pattern: string | null = null;
  try {
    pattern = (JSON.parse(body) as { pattern?: string }).pattern ?? null;
  } catch {
    // not JSON: a poison message; shown as it is
  }
  const deaths = message.properties.headers?.['x-death'] as
    { time?: { value?: number } | number; reason?: string }[] | undefined;
  const rawTime = deaths?.[0]?.time;
  const time = typeof rawTime === 'number' ? rawTime : rawTime?.value;
  return {
    pattern,
    messageId: message.properties.messageId ?? null,
    queue: message.fields.routingKey,
    isRequest: Boolean(message.properties.replyTo),
    attempts: Number(message.properties.headers?.[ATTEMPTS_HEADER] ?? 0) + 1,
    reason: deaths?.[0]?.reason ?? null,
    deadLetteredAt: time ? new Date(time * 1000).toISOString() : null,
    body: body.length > 500 ? `${body.slice(0, 500)}…` : body,
  };
}
