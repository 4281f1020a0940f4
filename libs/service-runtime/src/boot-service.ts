import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServiceName } from '@gatehouse/contracts';
import { guardPoolClients, migrate } from '@gatehouse/database';
import {
  AmqpNames,
  BrokerConnection,
  ConsumerDrain,
  OutboxRelay,
  RetryPolicy,
  assertTopology,
  connectRmqConsumers,
  currentCorrelationId,
} from '@gatehouse/messaging';
import { JsonLogger, METRICS_REGISTRY } from '@gatehouse/observability';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

export interface BackendServiceSpec {
  service: ServiceName;
  module: DynamicModule;
  amqpUrl: string;
  prefetch: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Event-name patterns this service consumes from the events exchange. */
  consumes: string[];
  /** Back-off and attempts for events that failed transiently. */
  retry: RetryPolicy;
  http: { port: number; host: string };
  /** A graceful stop that takes longer is cut short (exit 1). */
  shutdownTimeoutMs?: number;
}

/**
 * Boots a back-end process in a fixed order: migrations, RabbitMQ topology, RPC (and event) consumers
 * with explicit acks, the outbox relay, then HTTP for health and metrics. Returns the running app;
 * `app.close()` stops all of it.
 */
export async function bootBackendService(spec: BackendServiceSpec): Promise<INestApplication> {
  const logger = new JsonLogger(spec.service, spec.logLevel, currentCorrelationId);
  const app = await NestFactory.create(spec.module, { logger });
  // SIGTERM/SIGINT: a graceful stop (consumers drained, workers stopped, the outbox flushed, connections
  // closed), then exit 0; a stop that hangs is cut short with exit 1 after spec.shutdownTimeoutMs.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  const watchdog = () => setTimeout(() => process.exit(1), spec.shutdownTimeoutMs ?? 30_000).unref();
  process.once('SIGTERM', watchdog);
  process.once('SIGINT', watchdog);
  try {
    guardPoolClients(app.get(DataSource), (message) => logger.warn(message, 'Database'));
    await migrate(app.get(DataSource));

    const names = app.get(AmqpNames);
    const broker = app.get(BrokerConnection);
    // The topology is declared on every (re)connection: a broker that lost its definitions gets them back.
    broker.onConnect(async (connection) => {
      const channel = await connection.createChannel();
      await assertTopology(channel, names, { service: spec.service, consumes: spec.consumes }, spec.retry);
      await channel.close();
    });
    await broker.connect();

    const metrics = app.get<Registry>(METRICS_REGISTRY, { strict: false });
    const drain = app.get(ConsumerDrain);
    connectRmqConsumers(
      app,
      { url: spec.amqpUrl, names, prefetch: spec.prefetch, retry: spec.retry, metrics, drain },
      {
        rpcQueue: names.rpcQueue(spec.service),
        eventsQueue: spec.consumes.length > 0 ? names.eventsQueue(spec.service) : undefined,
      },
    );
    await app.startAllMicroservices();

    await app.get(OutboxRelay, { strict: false }).start();

    await app.listen(spec.http.port, spec.http.host);
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
