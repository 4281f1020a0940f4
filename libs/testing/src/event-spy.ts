import * as amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { EventEnvelope } from '@gatehouse/contracts';
import { pollUntil } from '../../../scripts/processes';
import { testAmqpUrl } from './test-env';

/**
 * Listens on the events exchange of a namespace (through its own exclusive queue) and records every
 * event published there, so a test can assert what was announced, and how often.
 */
export class EventSpy {
  readonly events: EventEnvelope[] = [];
  private connection: ChannelModel | null = null;
  private channel: Channel | null = null;

  static async start(namespace: string, pattern = '#'): Promise<EventSpy> {
    const spy = new EventSpy();
    spy.connection = await amqp.connect(testAmqpUrl());
    spy.channel = await spy.connection.createChannel();
    const exchange = `${namespace}.events`;
    await spy.channel.assertExchange(exchange, 'topic', { durable: true });
    const { queue } = await spy.channel.assertQueue('', { exclusive: true, autoDelete: true });
    await spy.channel.bindQueue(queue, exchange, pattern);
    await spy.channel.consume(
      queue,
      (message) => {
        if (!message) return;
        const packet = JSON.parse(message.content.toString()) as { data: EventEnvelope };
        spy.events.push(packet.data);
      },
      { noAck: true },
    );
    return spy;
  }

  named<T = unknown>(name: string): EventEnvelope<T>[] {
    return this.events.filter((event) => event.name === name) as EventEnvelope<T>[];
  }

  /** Waits until `count` events of that name arrived (or fails after `timeoutMs`). */
  waitFor<T = unknown>(name: string, count = 1, timeoutMs = 10000): Promise<EventEnvelope<T>[]> {
    return pollUntil(
      () => {
        const events = this.named<T>(name);
        return events.length >= count && events;
      },
      `${count} "${name}" event(s)`,
      { timeoutMs, intervalMs: 25, detail: () => `saw ${this.named(name).length}` },
    );
  }

  async stop(): Promise<void> {
    await this.channel?.close().catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }
}
