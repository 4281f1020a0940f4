import { IsDateString, IsObject, IsOptional, IsString, IsUUID, MaxLength, isObject } from 'class-validator';
import type { EventEnvelope } from './envelope';
import { DomainError, ERROR_CODES, isDomainError } from './errors';
import { ConsumedEvent, EVENT_CONTRACTS, EventName } from './event-contract';
import { withEventItemsCut } from './event-rules';
import { validateAs } from './validation';

/** The envelope every consumed event must have; `id` (the producer's outbox row id) is the inbox key. */
class CheckedEnvelope implements EventEnvelope<Record<string, unknown>> {
  @IsUUID()
  id!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsDateString()
  occurredAt!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId!: string | null;

  @IsObject()
  payload!: Record<string, unknown>;
}

/**
 * Checks a consumed event, the one way every consumer does: its envelope, that it is the event the
 * handler is bound to, then its payload against the event's class in EVENT_CONTRACTS (unknown fields
 * dropped; item lists kept as plain objects, see withEventItemsCut). A malformed event throws a
 * VALIDATION.FAILED error naming the event and every problem; the server logs it and rejects the message
 * into the dead-letter queue (it is never retried).
 */
export async function parseEvent<N extends EventName>(name: N, data: unknown): Promise<ConsumedEvent<N>> {
  const envelope = await validateAs(CheckedEnvelope, withEmptyPayload(data)).catch((error: unknown) => {
    throw malformed('event envelope', error);
  });
  const what = `event ${envelope.id} (${envelope.name})`;
  if (envelope.name !== name) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `Malformed ${what}: delivered as ${name}.`, {
      problems: [`name: must be ${name}`],
    });
  }
  const payloadClass = EVENT_CONTRACTS[name] as new () => ConsumedEvent<N>['payload'];
  const payload = await validateAs(
    payloadClass,
    withEventItemsCut(payloadClass, (data as { payload: unknown }).payload),
  ).catch((error: unknown) => {
    throw malformed(what, error);
  });
  return { ...envelope, payload };
}

/**
 * The envelope with `{}` for an object payload: enough for its check (@IsObject), and class-transformer
 * does not copy the whole payload (a 1,000-invite list) only for that; the payload is checked next.
 */
function withEmptyPayload(data: unknown): unknown {
  if (!isObject(data) || Array.isArray(data)) return data;
  const { payload } = data as { payload?: unknown };
  return isObject(payload) && !Array.isArray(payload) ? { ...data, payload: {} } : data;
}

function malformed(what: string, error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const problems = (error.details.problems as string[] | undefined) ?? [error.message];
  return new DomainError(ERROR_CODES.VALIDATION_FAILED, `Malformed ${what}: ${problems.join('; ')}.`, error.details);
}
