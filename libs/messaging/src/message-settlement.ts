import { isDomainError } from '@gatehouse/contracts';
import { Logger } from '@nestjs/common';
import type { Channel, ConsumeMessage } from 'amqplib';
import { ConsumerDrain } from './consumer-drain';
import {
  ATTEMPTS_HEADER,
  DEFAULT_RETRY_POLICY,
  RetryPolicy,
  isTransientError,
  retryDelayFor,
  withoutDeathHeaders,
} from './retry-policy';
import { AmqpNames } from './topology';

/** What happened to a message that was not simply handled; counted in metrics. */
export type SettlementOutcome = 'retried' | 'dead_lettered';

export interface MessageSettlementOptions {
  names: AmqpNames;
  /** The service's events queue (where retried events go back to); none = the service consumes no events. */
  eventsQueue?: string;
  retry?: RetryPolicy;
  onSettled?: (outcome: SettlementOutcome, pattern: string) => void;
  /** Counts the handlers under way, so a graceful stop can wait for them. */
  drain?: ConsumerDrain;
}

/** One message's settlement: exactly one of these calls takes effect, whichever comes first. */
export interface Settlement {
  /** Handled (an event), or answered (a request). */
  succeeded(): void;
  /** The handler of `pattern` threw `error` (the raw error, before it became a reply). */
  failed(error: unknown, pattern: string): void;
  /** Already settled by someone else (Nest rejects a request nobody handles): only the count is released. */
  settledElsewhere(): void;
}

/**
 * Settles every RabbitMQ message explicitly (the servers run with noAck: false):
 * - handled → ack;
 * - a request answered with a domain error (bad input, not allowed…) → ack: the caller got its answer;
 * - a request that failed transiently → answered RPC.UNAVAILABLE (RpcErrorFilter), ack: the caller may retry;
 * - an event whose handler failed transiently (database or broker connection, timeout, serialisation or
 *   lock conflict, another service not answering) → republished to a retry queue that hands it back to the
 *   events queue after a back-off, with its attempt count in a header; then acked;
 * - anything else (a bug, a malformed event, an event out of attempts or without a handler, a request that
 *   crashed) → reject without requeue, so it lands in the queue's dead-letter queue instead of looping.
 * Requests are never retried: their caller is waiting and has had its error (or its timeout) already.
 * Used by GatehouseServerRMQ for every message it takes (docs/decisions.md, "Acks").
 */
export class MessageSettlement {
  private readonly logger = new Logger('Messaging');
  private readonly retry: RetryPolicy;

  constructor(private readonly options: MessageSettlementOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** Starts settling `message`, taken from `channel`; it counts as under way until settled. */
  begin(message: ConsumeMessage, channel: Channel): Settlement {
    const isRequest = Boolean(message.properties.replyTo);
    let settled = false;
    this.options.drain?.started();
    /** Marks the message settled, once (the drain's count with it); false when it already was. */
    const claim = (): boolean => {
      if (settled) return false;
      settled = true;
      this.options.drain?.settled();
      return true;
    };
    const settle = (accept: boolean) => {
      if (!claim()) return;
      this.onChannel(() => (accept ? channel.ack(message) : channel.nack(message, false, false)));
    };
    return {
      succeeded: () => settle(true),
      settledElsewhere: () => void claim(),
      failed: (error: unknown, pattern: string) => {
        if (settled) return;
        if (isRequest && isDomainError(error)) return settle(true);
        const reason = error instanceof Error ? error.message : String(error);
        if (isRequest && isTransientError(error)) {
          // Answered RPC.UNAVAILABLE (RpcErrorFilter): the caller may try again; nothing to inspect here.
          this.logger.warn(`${pattern}: ${reason} — transient; answered RPC.UNAVAILABLE`);
          return settle(true);
        }
        const attempts = Number(message.properties.headers?.[ATTEMPTS_HEADER] ?? 0) + 1;
        const eventsQueue = this.options.eventsQueue;
        if (!isRequest && isTransientError(error) && eventsQueue && attempts < this.retry.maxAttempts) {
          claim();
          const delayMs = retryDelayFor(this.retry, attempts);
          this.onChannel(() =>
            this.retryLater(channel, message, this.options.names.retryQueue(eventsQueue, delayMs), attempts),
          );
          this.logger.warn(
            `${pattern}: ${reason} — transient; attempt ${attempts} of ${this.retry.maxAttempts}, retry in ${delayMs} ms`,
          );
          this.options.onSettled?.('retried', pattern);
          return;
        }
        this.logger.error(
          `${pattern}: ${reason} — sent to the dead-letter queue`,
          error instanceof Error ? error.stack : undefined,
        );
        this.options.onSettled?.('dead_lettered', pattern);
        settle(false);
      },
    };
  }

  /**
   * A channel that closed meanwhile (the connection dropped while the handler ran) refuses the ack, the
   * reject or the retry: the message is still the broker's, and it delivers it again. Nothing to undo here.
   */
  private onChannel(operation: () => void): void {
    try {
      operation();
    } catch (error) {
      this.logger.warn(
        `a message could not be settled (${(error as Error).message}); the broker will deliver it again`,
      );
    }
  }

  /**
   * Puts the event in `retryQueue` (its back-off step) as attempt `attempts`, then acks it. Published before
   * the ack: a crash in between delivers it twice, which the consumers' inbox absorbs; never zero times.
   */
  private retryLater(channel: Channel, message: ConsumeMessage, retryQueue: string, attempts: number): void {
    const { properties } = message;
    channel.sendToQueue(retryQueue, message.content, {
      persistent: true,
      messageId: properties.messageId,
      contentType: properties.contentType,
      correlationId: properties.correlationId,
      headers: { ...withoutDeathHeaders(properties.headers), [ATTEMPTS_HEADER]: attempts },
    });
    channel.ack(message);
  }
}
