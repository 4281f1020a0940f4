import { RmqContext, ServerRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager, CreateChannelOpts } from 'amqp-connection-manager';
import type { Channel } from 'amqplib';

/** A pattern as Gatehouse names them ('hub.membership.get'): letters first, with dots; never JSON. */
const DOTTED_NAME = /^[A-Za-z][\w-]*(\.[\w-]+)+$/;

/**
 * Nest's RMQ server without three costs per message (docs/performance.md, "RPC round trip"):
 * - routing: to find the handler, Nest first tries JSON.parse on the pattern (for object patterns), which
 *   for a dotted name throws a SyntaxError with its stack trace, about 10–25 µs of CPU per RPC. A dotted
 *   name is its own route, as Nest would make it after the failed parse; any other pattern takes Nest's way.
 * - the reply: Nest publishes it through amqp-connection-manager's ChannelWrapper (a queue, a worker and a
 *   promise per reply, none awaited). It goes out here on the amqplib channel the request came in on, the
 *   one RmqMessageInterceptor acks it on: same body and properties. A reply cannot outlive that channel
 *   anyway (if the channel is lost, the unacked request is redelivered and answered again). The reply and
 *   the request's ack leave in one socket write instead of two (writeTogether).
 * - confirms: see createClient.
 */
export class DottedPatternServerRMQ extends ServerRMQ {
  protected override getRouteFromPattern(pattern: string): string {
    return DOTTED_NAME.test(pattern) ? pattern : super.getRouteFromPattern(pattern);
  }

  /**
   * The consuming channel without publisher confirms: the only things published on it are replies and
   * RmqMessageInterceptor's retries, and neither waits for a confirm (the broker's acknowledgement of each
   * reply was one more frame to read and parse per RPC, for nothing).
   */
  override createClient<T = AmqpConnectionManager>(): T {
    const client = super.createClient<AmqpConnectionManager>();
    const createChannel = client.createChannel.bind(client);
    client.createChannel = (options?: CreateChannelOpts) => createChannel({ ...options, confirm: false });
    return client as T;
  }

  override sendMessage<T>(message: T, replyTo: unknown, correlationId: string, context: RmqContext): void {
    const channel = context?.getChannelRef() as Channel | undefined;
    if (!channel) return super.sendMessage(message, replyTo, correlationId, context);
    const outgoing = this.serializer.serialize(message as never) as { options?: object };
    const { options, ...body } = outgoing;
    this.onProcessingEndHook?.(this.transportId, context);
    writeTogether(channel);
    channel.sendToQueue(replyTo as string, Buffer.from(JSON.stringify(body)), { correlationId, ...options });
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
