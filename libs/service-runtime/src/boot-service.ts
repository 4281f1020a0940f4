import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BaseEnv } from '@gatehouse/config';
import { ServiceName } from '@gatehouse/contracts';
import { guardPoolClients, migrate } from '@gatehouse/database';
import {
  AmqpNames,
  BrokerConnection,
  ConsumerDrain,
  DEFINITIONS_RESTORED_EVENT,
  OutboxRelay,
  RetryPolicy,
  ServiceTopology,
  assertTopology,
  connectRmqConsumers,
  currentCorrelationId,
} from '@gatehouse/messaging';
import { JsonLogger, METRICS_REGISTRY } from '@gatehouse/observability';
import type { ChannelModel } from 'amqplib';
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
  /** Events this service publishes that no service consumes by design (bound to events.unconsumed). */
  unconsumed?: string[];
  /**
   * When the broker turns out to have lost its definitions (this service's marker exchange is gone), the
   * outbox events sent this long ago or less are published again: the messages in the lost queues are gone.
   */
  outboxReplayWindowMs?: number;
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
    const relay = outboxRelayOf(app);
    const metrics = app.get<Registry>(METRICS_REGISTRY, { strict: false });
    relay?.useMetrics(metrics);
    if (relay) relay.replayWindowMs = spec.outboxReplayWindowMs ?? relay.replayWindowMs;
    // The topology is declared on every (re)connection: a broker that lost its definitions gets them back.
    // When it had lost them, every service is told (once this one's bindings are back) and publishes its
    // recent outbox events again: the messages in the lost queues are gone (definitions-restored.ts).
    broker.onConnect(async (connection) => {
      const definitionsLost = !(await markerExists(connection, names, spec.service));
      const channel = await connection.createConfirmChannel();
      await assertTopology(channel, names, backendTopology(spec), spec.retry);
      await channel.assertExchange(markerExchange(names, spec.service), 'fanout', { durable: true });
      if (definitionsLost) {
        const notice = {
          pattern: DEFINITIONS_RESTORED_EVENT,
          data: { service: spec.service, at: new Date().toISOString() },
        };
        channel.publish(names.eventsExchange, DEFINITIONS_RESTORED_EVENT, Buffer.from(JSON.stringify(notice)), {
          persistent: true,
          contentType: 'application/json',
        });
        await channel.waitForConfirms();
        logger.warn(
          `the broker had lost its definitions (declared again); every service told to replay its outbox`,
          'Broker',
        );
      }
      await channel.close();
    });
    await broker.connect();

    const drain = app.get(ConsumerDrain);
    connectRmqConsumers(
      app,
      { url: spec.amqpUrl, names, prefetch: spec.prefetch, retry: spec.retry, metrics, drain },
      {
        rpcQueue: names.rpcQueue(spec.service),
        eventsQueue: names.eventsQueue(spec.service),
      },
    );
    await app.startAllMicroservices();

    await relay?.start();

    await app.listen(spec.http.port, spec.http.host);
    return app;
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}

/** A back-end service's environment: the settings every process has, and its health-and-metrics port. */
export type BackendEnv = BaseEnv & { HTTP_PORT: number };

/** bootBackendService with the broker, retry, logging and HTTP settings read from the service's environment. */
export function bootBackendServiceFromEnv(
  env: BackendEnv,
  topology: ServiceTopology,
  module: DynamicModule,
): Promise<INestApplication> {
  return bootBackendService({
    ...topology,
    module,
    amqpUrl: env.AMQP_URL,
    prefetch: env.AMQP_PREFETCH,
    logLevel: env.LOG_LEVEL,
    retry: {
      maxAttempts: env.MESSAGE_MAX_ATTEMPTS,
      baseDelayMs: env.MESSAGE_RETRY_BASE_MS,
      maxDelayMs: env.MESSAGE_RETRY_MAX_MS,
    },
    http: { port: env.HTTP_PORT, host: env.HTTP_HOST },
    outboxReplayWindowMs: env.OUTBOX_REPLAY_WINDOW_MS,
  });
}

/** For a process's main.ts run directly: a boot that failed is said in one line on stderr, then exit 1. */
export function exitOnBootFailure(processName: string): (error: Error) => never {
  return (error) => {
    process.stderr.write(`${processName} failed to start: ${error.message}\n`);
    process.exit(1);
  };
}

/**
 * What a back-end service declares: its events, and the notice that the broker lost its definitions, which
 * every back-end service consumes (definitions-restored.ts). Also what deploy/rabbitmq/definitions.json holds.
 */
export function backendTopology(
  spec: Pick<BackendServiceSpec, 'service' | 'consumes' | 'unconsumed'>,
): ServiceTopology {
  return {
    service: spec.service,
    consumes: [...spec.consumes, DEFINITIONS_RESTORED_EVENT],
    unconsumed: spec.unconsumed,
  };
}

function outboxRelayOf(app: INestApplication): OutboxRelay | undefined {
  try {
    return app.get(OutboxRelay, { strict: false });
  } catch {
    return undefined;
  }
}

/**
 * An exchange only this service's topology hook declares (never Nest's consumers, which re-create their
 * queues on their own): if it is missing on a (re)connection, the broker lost its definitions since this
 * service last declared them — or never had them (first boot; the replay then finds nothing recent).
 * Declared after the rest of the topology and kept out of topologyPlan, hence out of
 * deploy/rabbitmq/definitions.json: a broker loaded from that file has lost its messages all the same.
 */
function markerExchange(names: AmqpNames, service: ServiceName): string {
  return `${names.namespace}.${service}.declared`;
}

async function markerExists(connection: ChannelModel, names: AmqpNames, service: ServiceName): Promise<boolean> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined); // a 404 closes the channel; that is the answer
  try {
    await channel.checkExchange(markerExchange(names, service));
    await channel.close();
    return true;
  } catch {
    return false;
  }
}
