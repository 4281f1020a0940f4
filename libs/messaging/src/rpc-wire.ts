/**
 * The request/reply format of Nest's ClientRMQ (@nestjs/microservices 11, client-rmq.js), which the Nest RMQ
 * servers of every service expect: a JSON body `{ pattern, data, id }`, the reply through RabbitMQ's direct
 * reply-to, matched by correlation id, and a JSON reply `{ err, response, isDisposed }`.
 */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

export function requestBody(pattern: string, data: unknown, id: string): Buffer {
  return Buffer.from(JSON.stringify({ pattern, data, id }));
}

/** What a reply means for the caller, read the way ClientProxy's observer reads it. */
export type DecodedReply =
  | { kind: 'response'; response: unknown }
  | { kind: 'error'; error: unknown }
  /** Completed without a value: firstValueFrom failed with "no elements in sequence". */
  | { kind: 'empty' };

export function decodeReply(content: Buffer): DecodedReply {
  const text = content.toString();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = text;
  }
  // IncomingResponseDeserializer: anything without err/response/isDisposed is itself the response.
  const packet = value as { err?: unknown; response?: unknown; isDisposed?: unknown } | null | undefined;
  const isPacket =
    !!packet && (packet.err !== undefined || packet.response !== undefined || packet.isDisposed !== undefined);
  if (!isPacket) return { kind: 'response', response: value };
  if (packet.err) return { kind: 'error', error: packet.err };
  if (packet.isDisposed && packet.response === undefined) return { kind: 'empty' };
  return { kind: 'response', response: packet.response };
}
