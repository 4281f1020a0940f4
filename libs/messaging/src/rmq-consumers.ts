import { INestApplication, ValidationPipe } from '@nestjs/common';
import { VALIDATION_PIPE_OPTIONS } from '@gatehouse/contracts';
import { Counter, Registry } from 'prom-client';
import { ConsumerDrain } from './consumer-drain';
import { MessageSettlement, SettlementOutcome } from './message-settlement';
import { RmqSettings, rmqServerOptions } from './rmq-options';
import { RpcErrorFilter } from './rpc-error.filter';
import { RetryPolicy } from './retry-policy';

export interface RmqConsumerQueues {
  rpcQueue: string;
  /** Omitted for a service that consumes no events. */
  eventsQueue?: string;
}

/**
 * Connects Nest RMQ consumers on these queues, with payload validation, explicit ack/retry/dead-letter
 * (MessageSettlement, done by the servers) and the `{ code, message, details }` error reply. The pipe and the
 * filter are set on the app and inherited: connectMicroservice wires the handlers at once, so they must be in
 * place before it. (Deferring the consumers' initialisation instead would run every provider's lifecycle hooks
 * again, once per consumer.) They are harmless for the HTTP side of the app. No global interceptor, on
 * purpose: see GatehouseServerRMQ. Call app.startAllMicroservices() afterwards. With a metrics registry,
 * retried and dead-lettered messages are counted (gatehouse_messages_settled_total{outcome}).
 */
export function connectRmqConsumers(
  app: INestApplication,
  settings: RmqSettings & { retry?: RetryPolicy; metrics?: Registry; drain?: ConsumerDrain },
  queues: RmqConsumerQueues,
): void {
  const settlements = settings.metrics
    ? new Counter<'outcome' | 'pattern'>({
        name: 'gatehouse_messages_settled_total',
        help: 'RabbitMQ messages not simply handled: retried after a transient failure, or dead-lettered',
        labelNames: ['outcome', 'pattern'],
        registers: [settings.metrics],
      })
    : null;
  app.useGlobalPipes(new ValidationPipe(VALIDATION_PIPE_OPTIONS));
  app.useGlobalFilters(new RpcErrorFilter());
  const settlement = new MessageSettlement({
    names: settings.names,
    eventsQueue: queues.eventsQueue,
    retry: settings.retry,
    onSettled: (outcome: SettlementOutcome, pattern: string) => settlements?.inc({ outcome, pattern }),
    drain: settings.drain,
  });
  const servers: unknown[] = [];
  for (const queue of [queues.rpcQueue, queues.eventsQueue]) {
    if (queue) {
      servers.push(app.connectMicroservice(rmqServerOptions(settings, queue, settlement), { inheritAppConfig: true }));
    }
  }
  settings.drain?.attach(servers);
}
