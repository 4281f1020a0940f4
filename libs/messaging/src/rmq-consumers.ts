import { INestApplication } from '@nestjs/common';
import { RmqMessageInterceptor } from './rmq-message.interceptor';
import { RmqSettings, rmqServerOptions } from './rmq-options';
import { RpcErrorFilter } from './rpc-error.filter';
import { createValidationPipe } from './validation';

/**
 * Connects Nest RMQ consumers on these queues, with payload validation, explicit ack/nack and the
 * `{ code, message, details }` error reply. The three are set on the app and inherited: connectMicroservice
 * wires the handlers at once, so they must be in place before it. (Deferring the consumers' initialisation
 * instead would run every provider's lifecycle hooks again, once per consumer.) They are harmless for the
 * HTTP side of the app. Call app.startAllMicroservices() afterwards.
 */
export function connectRmqConsumers(app: INestApplication, settings: RmqSettings, queues: string[]): void {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new RmqMessageInterceptor());
  for (const queue of queues) {
    app.connectMicroservice(rmqServerOptions(settings, queue), { inheritAppConfig: true });
  }
}
