import { Logger } from '@nestjs/common';
import { connect, AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import {
  ERROR_CODES,
  RpcPattern,
  RpcRequest,
  RpcResponse,
  ServiceName,
  serviceOfPattern,
  DomainError,
} from '@gatehouse/contracts';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation';
import { rmqClientOptions } from './rmq-options';
import { DIRECT_REPLY_TO, DecodedReply, decodeReply, requestBody } from './rpc-wire';
import { AmqpNames } from './topology';

export interface RpcClientSettings {
  url: string;
  names: AmqpNames;
  timeoutMs: number;
}

/** A call waiting for its reply; settles it. */
/** A call waiting for its reply: answered by it, or failed when the connection (and with it the reply) is lost. */
interface PendingCall {
  answer(reply: DecodedReply): void;
  lost(cause: string): void;
  /** Handed to amqplib (not only queued in amqp-connection-manager, which publishes that after a reconnect). */
  written: boolean;
}

/** Why calls fail at once: the broker cannot be reached, or the connection is lost and being made again. */
const CONNECTION_LOST = 'Connection lost. Trying to reconnect...';

/**
 * The typed way to call another service: the pattern decides the request and response types
 * (libs/contracts RpcContract) and the queue. Every call has a timeout; a remote domain error is
 * rethrown here as a DomainError with the same code.
 *
 * It speaks Nest ClientRMQ's wire format (rpc-wire.ts) on amqp-connection-manager directly, without
 * ClientRMQ's rxjs plumbing (docs/performance.md, "RPC round trip"): one connection, one channel that
 * consumes direct reply-to and declares each called service's queue, both set up again after a reconnect.
 * The channel has no publisher confirms: the reply is the confirmation (a request the broker loses ends in
 * RPC.TIMEOUT, which callers treat as transient, as they do RPC.UNAVAILABLE); confirms cost 15–35 % of the
 * round trip (docs/decisions.md, "RPC requests without publisher confirms"). A call made while the broker is
 * away fails at once (RPC.UNAVAILABLE), and so does every call whose request was written when the
 * connection is lost (its reply could only come to the lost channel).
 */
export class RpcClient {
  private readonly logger = new Logger('RpcClient');
  private readonly pending = new Map<string, PendingCall>();
  /** Services whose queue the channel has declared (and declares again at each reconnect). */
  private readonly declared = new Map<ServiceName, Promise<void>>();
  private connection: AmqpConnectionManager | null = null;
  private channel: ChannelWrapper | null = null;
  /** Until the first connection: settles then, or at the first failure to connect. */
  private firstConnection: Promise<void> | null = null;
  /** Set while the broker cannot be reached; why. */
  private unreachable: string | null = null;

  constructor(private readonly settings: RpcClientSettings) {}

  call<P extends RpcPattern>(
    pattern: P,
    request: RpcRequest<P>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcResponse<P>> {
    const service = serviceOfPattern(pattern);
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const correlationId = randomUUID();
    return new Promise<RpcResponse<P>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(
          new DomainError(
            ERROR_CODES.RPC_TIMEOUT,
            `The ${service} service did not answer within ${timeoutMs} ms. Try again in a moment.`,
            { pattern, service, timeoutMs },
          ),
        );
      }, timeoutMs);
      const settle = (outcome: () => void) => {
        if (!this.pending.delete(correlationId)) return; // timed out already
        clearTimeout(timer);
        outcome();
      };
      const unavailable = (cause: string) =>
        settle(() =>
          reject(
            new DomainError(ERROR_CODES.RPC_UNAVAILABLE, `The ${service} service cannot be reached.`, {
              pattern,
              service,
              cause,
            }),
          ),
        );
      this.pending.set(correlationId, {
        answer: (reply) => {
          if (reply.kind === 'response') settle(() => resolve(reply.response as RpcResponse<P>));
          else if (reply.kind === 'error') settle(() => reject(DomainError.fromWire(reply.error)));
          else unavailable('no elements in sequence'); // as rxjs's firstValueFrom said of an empty reply
        },
        lost: unavailable,
        written: false,
      });
      const body = requestBody(pattern, request, correlationId);
      const properties = {
        replyTo: DIRECT_REPLY_TO,
        persistent: true,
        // A request nobody took in time is worthless: the broker drops it instead of running it late.
        expiration: String(timeoutMs),
        headers: { [CORRELATION_HEADER]: currentCorrelationId() ?? '' },
        correlationId,
      };
      this.channelFor(service).then(
        (channel) => {
          if (!this.pending.has(correlationId)) return; // timed out meanwhile: not worth sending any more
          channel.sendToQueue(this.settings.names.rpcQueue(service), body, properties).then(
            () => {
              const call = this.pending.get(correlationId);
              if (call) call.written = true;
            },
            (error: Error) => unavailable(error.message),
          );
        },
        (error: Error) => unavailable(error.message),
      );
    });
  }

  /** The channel, once connected and with the service's queue declared; rejects while the broker is away. */
  private async channelFor(service: ServiceName): Promise<ChannelWrapper> {
    const channel = this.channel ?? this.open();
    if (this.unreachable !== null) throw new Error(this.unreachable);
    if (this.firstConnection) await this.firstConnection;
    let declared = this.declared.get(service);
    if (!declared) {
      const queue = this.settings.names.rpcQueue(service);
      const queueOptions = rmqClientOptions(this.settings, queue).queueOptions;
      declared = channel.addSetup((setupChannel: Channel) => setupChannel.assertQueue(queue, queueOptions));
      this.declared.set(service, declared);
      // Not declared (the channel closed meanwhile, say): the next call tries again.
      declared.catch(() => this.declared.delete(service));
    }
    await declared;
    return channel;
  }

  private open(): ChannelWrapper {
    const options = rmqClientOptions(this.settings, '');
    const connection = connect(options.urls as string[], options.socketOptions);
    this.firstConnection = new Promise<void>((resolve, reject) => {
      connection.once('connect', () => resolve());
      connection.once('connectFailed', ({ err }) => reject(err));
    });
    this.firstConnection.catch(() => undefined); // a call that awaits it reports the failure
    connection.on('connect', () => {
      this.unreachable = null;
      this.firstConnection = null;
    });
    connection.on('connectFailed', ({ err }) => {
      this.unreachable = err.message;
    });
    connection.on('disconnect', ({ err }) => {
      this.unreachable = CONNECTION_LOST;
      this.logger.error(`Disconnected from the broker: ${err?.message ?? 'closed'}`);
      // The replies of written requests would come to the lost channel's direct reply-to: none can arrive
      // any more. A request still queued in amqp-connection-manager goes out after the reconnect, and its
      // reply to the new channel; failing its call now could let it run after the caller was told otherwise.
      for (const call of [...this.pending.values()]) if (call.written) call.lost(CONNECTION_LOST);
    });
    const channel = connection.createChannel({
      json: false,
      confirm: false,
      setup: (setupChannel: Channel) =>
        setupChannel.consume(DIRECT_REPLY_TO, (message) => message && this.onReply(message), { noAck: true }),
    });
    channel.on('error', (error: Error) => this.logger.error(`RPC channel: ${error.message}`));
    this.connection = connection;
    this.channel = channel;
    return channel;
  }

  private onReply(message: ConsumeMessage): void {
    // Unknown: the call timed out already.
    this.pending.get(message.properties.correlationId as string)?.answer(decodeReply(message.content));
  }

  async close(): Promise<void> {
    const { connection, channel } = this;
    this.connection = null;
    this.channel = null;
    this.firstConnection = null;
    this.unreachable = null;
    this.declared.clear();
    await channel?.close();
    await connection?.close();
  }
}
