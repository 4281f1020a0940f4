import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceName } from '@gatehouse/contracts';
import { migrate } from '@gatehouse/database';
import {
  AmqpNames,
  BrokerConnection,
  OutboxRelay,
  assertTopology,
  connectRmqConsumers,
  currentCorrelationId,
} from '@gatehouse/messaging';
import { JsonLogger } from '@gatehouse/observability';
import { DataSource } from 'typeorm';

export interface BackendServiceSpec {
  service: ServiceName;
  module: DynamicModule;
  amqpUrl: string;
  prefetch: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Event-name patterns this service consumes from the events exchange. */
  consumes: string[];
  http: { port: number; host: string };
}

/**
 * Boots a back-end process in a fixed order: migrations, RabbitMQ topology, RPC (and event) consumers
 * with explicit acks, the outbox relay, then HTTP for health and metrics. Returns the running app;
 * `app.close()` stops all of it.
 */
export async function bootBackendService(spec: BackendServiceSpec): Promise<INestApplication> {
  const logger = new JsonLogger(spec.service, spec.logLevel, currentCorrelationId);
  const app = await NestFactory.create(spec.module, { logger });
  app.enableShutdownHooks();
  try {
    await migrate(app.get(DataSource));

    const names = app.get(AmqpNames);
    const broker = app.get(BrokerConnection);
    const channel = await (await broker.connect()).createChannel();
    await assertTopology(channel, names, { service: spec.service, consumes: spec.consumes });
    await channel.close();

    const queues = [names.rpcQueue(spec.service)];
    if (spec.consumes.length > 0) queues.push(names.eventsQueue(spec.service));
    connectRmqConsumers(app, { url: spec.amqpUrl, names, prefetch: spec.prefetch }, queues);
    await app.startAllMicroservices();

    await app.get(OutboxRelay, { strict: false }).start();

    await app.listen(spec.http.port, spec.http.host);
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
