import { RmqContext, RmqOptions, ServerRMQ } from '@nestjs/microservices';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants';
import type { AmqpConnectionManager, CreateChannelOpts } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { isObservable, lastValueFrom } from 'rxjs';
import { CORRELATION_HEADER, runWithCorrelationId } from './correlation';
import { takeHandlerError } from './handler-errors';
import { MessageSettlement, Settlement } from './message-settlement';

/** A pattern as Gatehouse names them ('hub.membership.get'): letters first, with dots; never JSON. */
const DOTTED_NAME = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/** What Nest hands to sendMessage: a reply packet, with `err` when the handler failed. */
type ReplyPacket = { err?: unknown };

/**
 * Nest's RMQ server, settling every message itself and without four costs per message
 * (docs/performance.md, "RPC round trip"):
 * - settlement: ack, retry or dead-letter (MessageSettlement) and the correlation id are done here, around
 *   Nest's handler, not in a global interceptor: with any interceptor Nest builds an rxjs chain and two
 *   AsyncResource bindings per message (on Node 20 each binding also builds two util.deprecate wrappers),
 *   about a sixth of the hub's CPU for a one-row RPC. The handler's raw error, which the settlement needs,
 *   comes from RpcErrorFilter (handler-errors.ts); pipes and the filter run as before.
 * - routing: to find the handler, Nest first tries JSON.parse on the pattern (for object patterns), which
 *   for a dotted name throws a SyntaxError with its stack trace, about 10–25 µs of CPU per RPC. A dotted
 *   name is its own route, as Nest would make it after the failed parse; any other pattern takes Nest's way.
 * - the reply: Nest publishes it through amqp-connection-manager's ChannelWrapper (a queue, a worker and a
 *   promise per reply, none awaited). It goes out here on the amqplib channel the request came in on, the
 *   one it is acked on: same body and properties. A reply cannot outlive that channel anyway (if the
 *   channel is lost, the unacked request is redelivered and answered again). The ack and the reply leave
 *   in one socket write instead of two (writeTogether).
 * - confirms: see createClient.
 */
export class GatehouseServerRMQ extends ServerRMQ {
  private readonly settlements = new WeakMap<ConsumeMessage, Settlement>();

  constructor(
    options: NonNullable<RmqOptions['options']>,
    private readonly settlement: MessageSettlement,
  ) {
    super(options);
  }

  // Nest's signature; amqplib hands over a ConsumeMessage, or null when the broker cancels the consumer.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async handleMessage(delivered: Record<string, any> | null, channel: Channel): Promise<void> {
    if (!delivered) return;
    const message = delivered as ConsumeMessage;
    const settlement = this.settlement.begin(message, channel);
    this.settlements.set(message, settlement);
    const correlationId = message.properties.headers?.[CORRELATION_HEADER] as string | undefined;
    try {
      await runWithCorrelationId(correlationId, () => super.handleMessage(message, channel));
    } catch (error) {
      // Nest failed around the handler (handlers themselves fail through RpcErrorFilter): dead-lettered.
      settlement.failed(error, '(handling failed)');
    }
  }

  /** An event: acked when its handler finished, settled by its error otherwise (retry or dead-letter). */
  override async handleEvent(pattern: string, packet: { data?: unknown }, context: RmqContext): Promise<void> {
    const message = context.getMessage() as ConsumeMessage;
    const settlement = this.settlements.get(message);
    const handler = this.getHandlerByPattern(pattern);
    if (!handler) {
      settlement?.failed(new Error(`no handler for the event ${pattern}`), pattern);
      return;
    }
    return this.onProcessingStartHook(this.transportId, context, async () => {
      try {
        const result: unknown = await handler(packet.data, context);
        // A failed handler's result is RpcErrorFilter's throwError: waiting for it surfaces the failure.
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
        settlement?.succeeded();
      } catch (error) {
        settlement?.failed(takeHandlerError(message, error), pattern);
      } finally {
        this.onProcessingEndHook?.(this.transportId, context);
      }
    });
  }

  protected override getRouteFromPattern(pattern: string): string {
    return DOTTED_NAME.test(pattern) ? pattern : super.getRouteFromPattern(pattern);
  }

  /**
   * The consuming channel without publisher confirms: the only things published on it are replies and
   * retried events, and neither waits for a confirm (the broker's acknowledgement of each reply was one
   * more frame to read and parse per RPC, for nothing).
   */
  override createClient<T = AmqpConnectionManager>(): T {
    const client = super.createClient<AmqpConnectionManager>();
    const createChannel = client.createChannel.bind(client);
    client.createChannel = (options?: CreateChannelOpts) => createChannel({ ...options, confirm: false });
    return client as T;
  }

  /**
   * A request's reply: the request is settled by it (the ack goes first, in the same write). A request is
   * settled at its first reply; our handlers return one value (a promise), never a stream of them.
   */
  override sendMessage<T>(message: T, replyTo: unknown, correlationId: string, context: RmqContext): void {
    const channel = context?.getChannelRef() as Channel | undefined;
    if (!channel) return super.sendMessage(message, replyTo, correlationId, context);
    const outgoing = this.serializer.serialize(message as never) as { options?: object };
    const { options, ...body } = outgoing;
    this.onProcessingEndHook?.(this.transportId, context);
    writeTogether(channel);
    this.settleRequest(message as ReplyPacket, context);
    try {
      channel.sendToQueue(replyTo as string, Buffer.from(JSON.stringify(body)), { correlationId, ...options });
    } catch (error) {
      // The channel closed while the handler ran: the request was not acked either, and is answered again
      // when the broker delivers it again (the caller's reply-to is its own channel, still there).
      this.logger.warn(`${context.getPattern()}: reply not sent (${(error as Error).message})`);
    }
  }

  private settleRequest(reply: ReplyPacket, context: RmqContext): void {
    const message = context.getMessage() as ConsumeMessage;
    const settlement = this.settlements.get(message);
    if (!settlement) return;
    if (reply.err === undefined) return settlement.succeeded();
    // Nest rejected a request nobody handles before answering it.
    if (reply.err === NO_MESSAGE_HANDLER) return settlement.settledElsewhere();
    settlement.failed(takeHandlerError(message, reply.err), context.getPattern());
  }
}

/** What writeTogether needs of amqplib's channel: its connection's socket (amqplib's own field). */
type ChannelWithSocket = { connection?: { stream?: { cork?: () => void; uncork?: () => void } } };

/**
 * amqplib buffers each channel's frames and writes them to the socket on a setImmediate, one write per
 * frame: the reply and the ack (sent in the same turn) became two syscalls, each about as costly as
 * the rest of the reply. Corking the socket until just after that setImmediate sends them as one.
 * Without the fields (another amqplib), the frames simply go out one by one, as before.
 */
function writeTogether(channel: Channel): void {
  const socket = (channel as unknown as ChannelWithSocket).connection?.stream;
  if (!socket?.cork || !socket.uncork) return;
  socket.cork();
  // After the ticks in which the channel's buffer announces its frames (amqplib then schedules its write).
  process.nextTick(() => setImmediate(() => socket.uncork?.()));
}
