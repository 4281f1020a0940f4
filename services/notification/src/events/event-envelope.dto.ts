import type { EventEnvelope } from '@gatehouse/contracts';
import { IsDateString, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** The envelope every consumed event must have; `id` (the producer's outbox row id) is the inbox key. */
export class EventEnvelopeDto implements EventEnvelope<Record<string, unknown>> {
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
