import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { RmqContext } from '@nestjs/microservices';
import type { Channel, ConsumeMessage } from 'amqplib';
import { Observable, tap } from 'rxjs';
import { CORRELATION_HEADER, runWithCorrelationId } from './correlation';
import { isDomainError } from './domain-error';

/**
 * Settles every RabbitMQ message explicitly (the servers run with noAck: false):
 * - handled → ack;
 * - a request answered with a domain error (bad input, not allowed…) → ack: the caller got its answer;
 * - anything else (a bug, a malformed event) → reject without requeue, so it lands in the queue's
 *   dead-letter queue instead of looping.
 * It also runs the handler under the correlation id from the message headers.
 */
@Injectable()
export class RmqMessageInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Messaging');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const channel = rmq.getChannelRef() as Channel;
    const message = rmq.getMessage() as ConsumeMessage;
    const pattern = rmq.getPattern();
    const isRequest = Boolean(message.properties.replyTo);
    const correlationId = message.properties.headers?.[CORRELATION_HEADER] as string | undefined;

    let settled = false;
    const settle = (accept: boolean) => {
      if (settled) return;
      settled = true;
      if (accept) channel.ack(message);
      else channel.nack(message, false, false);
    };

    return new Observable((subscriber) =>
      runWithCorrelationId(correlationId, () =>
        next
          .handle()
          .pipe(
            tap({
              complete: () => settle(true),
              error: (error: unknown) => {
                const answered = isRequest && isDomainError(error);
                if (!answered) {
                  this.logger.error(
                    `${pattern}: ${error instanceof Error ? error.message : String(error)} — sent to the dead-letter queue`,
                    error instanceof Error ? error.stack : undefined,
                  );
                }
                settle(answered);
              },
              unsubscribe: () => settle(true),
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
