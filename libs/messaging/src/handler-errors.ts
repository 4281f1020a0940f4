/**
 * The raw error a message's handler threw, from RpcErrorFilter (which turns it into the reply or the
 * event's failure) to GatehouseServerRMQ (which settles the message by it: a domain error is acked, a
 * transient one retried, anything else dead-lettered). Keyed by the AMQP message, so it goes with it.
 * Only the global RpcErrorFilter keeps it: a controller's own exception filter would leave the server with
 * the reply's wire error, which it settles as a crash (dead-letter). No controller has one.
 */
const errors = new WeakMap<object, { error: unknown }>();

export function keepHandlerError(message: object, error: unknown): void {
  errors.set(message, { error });
}

/** The error kept for `message`, once; `fallback` when none was (the handler did not go through the filter). */
export function takeHandlerError(message: object, fallback: unknown): unknown {
  const kept = errors.get(message);
  errors.delete(message);
  return kept ? kept.error : fallback;
}
