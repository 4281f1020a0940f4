import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The AMQP header that carries the correlation id from process to process. */
export const CORRELATION_HEADER = 'x-correlation-id';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** Runs `fn` with a correlation id that logs, RPC calls and outbox rows pick up. */
export function runWithCorrelationId<T>(correlationId: string | undefined | null, fn: () => T): T {
  return storage.run({ correlationId: correlationId || randomUUID() }, fn);
}

export function currentCorrelationId(): string | null {
  return storage.getStore()?.correlationId ?? null;
}
