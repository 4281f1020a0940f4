import * as amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { EventEnvelope } from '@gatehouse/contracts';
import { CORRELATION_HEADER } from '@gatehouse/messaging';
import { testAmqpUrl } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';

/**
 * Publishes events to a namespace's topic exchange the way the outbox relay does: routing key = event
 * name, body = Nest's event packet `{ pattern, data: envelope }`, persistent.
 */
export class EventPublisher {
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    private readonly namespace: string,
  ) {}

  static async connect(namespace: string): Promise<EventPublisher> {
    const connection = await amqp.connect(testAmqpUrl());
    const channel = await connection.createConfirmChannel();
    await channel.assertExchange(`${namespace}.events`, 'topic', { durable: true });
    return new EventPublisher(connection, channel, namespace);
  }

  /** A fresh envelope around `payload` (pass `id` to send the same event again). */
  static envelope<T>(name: string, payload: T, id: string = randomUUID()): EventEnvelope<T> {
    return { id, name, occurredAt: new Date().toISOString(), correlationId: randomUUID(), payload };
  }

  /** Publishes an envelope (or any body under `data`, to test malformed events) and waits for the broker's confirm. */
  async publish(name: string, data: unknown): Promise<void> {
    const body = Buffer.from(JSON.stringify({ pattern: name, data }));
    const correlationId = (data as { correlationId?: unknown } | null)?.correlationId;
    this.channel.publish(`${this.namespace}.events`, name, body, {
      persistent: true,
      contentType: 'application/json',
      headers: { [CORRELATION_HEADER]: typeof correlationId === 'string' ? correlationId : '' },
    });
    await (this.channel as amqp.ConfirmChannel).waitForConfirms();
  }

  /** Takes (and acks) every message waiting in a queue, e.g. a dead-letter queue. */
  async drain(queue: string): Promise<{ pattern: string; data: unknown }[]> {
    const taken: { pattern: string; data: unknown }[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: true });
      if (!message) return taken;
      taken.push(JSON.parse(message.content.toString()) as { pattern: string; data: unknown });
    }
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}
