import { ERROR_CODES, isDomainError } from '@gatehouse/contracts';

/** How a consumed event is retried after a transient failure; from the env (MESSAGE_RETRY_*). */
export interface RetryPolicy {
  /** Handling attempts in all, the first included; after the last, a transient failure is dead-lettered. */
  maxAttempts: number;
  /** Wait before the first retry; doubled for each further one, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 30000 };

/** Header counting how many times a message was handled and failed transiently. */
export const ATTEMPTS_HEADER = 'x-gatehouse-attempts';

/** The wait before retry number `retry` (1-based): bounded exponential back-off. */
export function retryDelayFor(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
}

/** Every distinct back-off wait of the policy: one retry queue each (a queue-level TTL keeps them in order). */
export function retryDelays(policy: RetryPolicy): number[] {
  const delays = new Set<number>();
  for (let retry = 1; retry < policy.maxAttempts; retry++) delays.add(retryDelayFor(policy, retry));
  return [...delays];
}

/**
 * PostgreSQL SQLSTATEs worth another try: connection exceptions (08…), the server shutting down or
 * restarting (57P01-03), query cancelled by a statement timeout (57014), serialisation failure and deadlock
 * (40001, 40P01), lock not available (55P03), too many connections (53300).
 */
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '40001', '40P01', '55P03', '53300']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'EHOSTUNREACH']);
const TRANSIENT_MESSAGES =
  /connection terminated|connection (?:is )?(?:closed|lost|refused|reset)|timeout|timed out|terminating connection|the database system is (?:starting up|shutting down)|cannot use a pool after calling end|client has encountered a connection error|channel (?:closed|ended)|query runner (?:was )?already released|connection provided by a query runner was already released/i;

/**
 * True when `error` may well succeed if the work is simply tried again later: a lost or refused database
 * or broker connection, a timeout, a serialisation or lock conflict, or another service that did not
 * answer (RPC.TIMEOUT / RPC.UNAVAILABLE). Anything else — a bug, invalid data, a domain refusal — is
 * permanent: retrying would fail the same way.
 */
export function isTransientError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (isDomainError(cause)) {
      return cause.code === ERROR_CODES.RPC_TIMEOUT || cause.code === ERROR_CODES.RPC_UNAVAILABLE;
    }
    if (typeof cause !== 'object') return false;
    const { code, message, driverError } = cause as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string' && (code.startsWith('08') || TRANSIENT_SQLSTATES.has(code))) return true;
    if (typeof code === 'string' && TRANSIENT_NODE_CODES.has(code)) return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.test(message)) return true;
    cause = driverError ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}

/** The broker's dead-lettering bookkeeping (x-death, x-first-death-*…) of earlier trips; not carried on. */
export function withoutDeathHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !/^x-(first-|last-)?death/.test(name)));
}
