import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEnvelope, ServiceName } from '@gatehouse/contracts';
import {
  AmqpNames,
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  assertTopology,
  connectRmqConsumers,
} from '@gatehouse/messaging';
import { deleteNamespace, pollUntil, testAmqpUrl, testRpcClient } from '@gatehouse/testing';
import * as amqp from 'amqplib';
import type { Channel, ChannelModel } from 'amqplib';
import { randomUUID } from 'node:crypto';

/** Polls `condition` until it holds; fails after a generous deadline (a wait, never a speed assertion). */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what = 'the condition',
  timeoutMs = 10000,
): Promise<void> {
  await pollUntil(condition, what, { timeoutMs, intervalMs: 20 });
}

/**
 * A minimal service on the real broker, wired the way bootBackendService wires every Gatehouse service:
 * topology first, then RMQ consumers on its RPC and events queues with the validation pipe, the error
 * filter and the ack/dead-letter interceptor.
 */
export async function startProbeService(
  module: Type<unknown> | DynamicModule,
  names: AmqpNames,
  topology: { service: ServiceName; consumes: string[] },
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<INestApplication> {
  // logger: false keeps the expected error logs of these tests out of the output.
  const app = await NestFactory.create(module, { logger: false });
  const connection = await amqp.connect(testAmqpUrl());
  try {
    const channel = await connection.createChannel();
    await assertTopology(channel, names, topology, retry);
    await channel.close();
  } finally {
    await connection.close();
  }
  connectRmqConsumers(
    app,
    { url: testAmqpUrl(), names, prefetch: 10, retry },
    { rpcQueue: names.rpcQueue(topology.service), eventsQueue: names.eventsQueue(topology.service) },
  );
  await app.startAllMicroservices();
  return app;
}

/** A raw AMQP channel for what a test does around the services: publish, peek into queues. */
export class BrokerProbe {
  private constructor(
    private readonly connection: ChannelModel,
    readonly channel: Channel,
  ) {}

  static async open(): Promise<BrokerProbe> {
    const connection = await amqp.connect(testAmqpUrl());
    return new BrokerProbe(connection, await connection.createChannel());
  }

  /** Publishes an event the way the outbox relay does (Nest's packet shape, routing key = event name). */
  publishEvent(names: AmqpNames, name: string, payload: object): EventEnvelope {
    const envelope: EventEnvelope = {
      id: randomUUID(),
      name,
      occurredAt: new Date().toISOString(),
      correlationId: null,
      payload,
    };
    this.channel.publish(names.eventsExchange, name, Buffer.from(JSON.stringify({ pattern: name, data: envelope })), {
      persistent: true,
      messageId: envelope.id,
      contentType: 'application/json',
    });
    return envelope;
  }

  /** Takes every message waiting in a queue right now. */
  async drain(queue: string): Promise<amqp.GetMessage[]> {
    const messages: amqp.GetMessage[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: true });
      if (!message) return messages;
      messages.push(message);
    }
  }

  async messageCount(queue: string): Promise<number> {
    return (await this.channel.checkQueue(queue)).messageCount;
  }

  async close(): Promise<void> {
    await this.channel.close().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }
}

/** A probe service with a broker probe and an RPC client on its namespace; `close` removes all of it. */
export async function openProbeRig(
  module: Type<unknown> | DynamicModule,
  names: AmqpNames,
  topology: { service: ServiceName; consumes: string[] },
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
) {
  const app = await startProbeService(module, names, topology, retry);
  const broker = await BrokerProbe.open();
  const rpc = testRpcClient(names.namespace);
  return {
    app,
    broker,
    rpc,
    async close() {
      await rpc.close();
      await broker.close();
      await app.close();
      await deleteNamespace(names.namespace);
    },
  };
}
