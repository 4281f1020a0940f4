/**
 * What every published event carries around its payload. `id` is the outbox row id: consumers
 * de-duplicate on it. `correlationId` ties together everything one request (or one mass invite) caused.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  name: string;
  occurredAt: string;
  correlationId: string | null;
  payload: TPayload;
}
