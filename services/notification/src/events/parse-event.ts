import { ERROR_CODES, EventEnvelope, DomainError, isDomainError, validateAs } from '@gatehouse/contracts';
import { EventEnvelopeDto } from './event-envelope.dto';

/**
 * Checks a consumed event: its envelope, then its payload against `payloadClass`. A malformed event
 * throws a VALIDATION.FAILED error naming the event and every problem; the message interceptor logs it
 * and rejects the message into the dead-letter queue (it is never retried).
 */
export async function parseEvent<T extends object>(
  payloadClass: new () => T,
  data: unknown,
): Promise<EventEnvelope<T>> {
  const envelope = await validateAs(EventEnvelopeDto, data).catch((error: unknown) => {
    throw malformed('event envelope', error);
  });
  const payload = await validateAs(payloadClass, envelope.payload).catch((error: unknown) => {
    throw malformed(`event ${envelope.id} (${envelope.name})`, error);
  });
  return { ...envelope, payload };
}

function malformed(what: string, error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const problems = (error.details.problems as string[] | undefined) ?? [error.message];
  return new DomainError(ERROR_CODES.VALIDATION_FAILED, `Malformed ${what}: ${problems.join('; ')}.`, error.details);
}
