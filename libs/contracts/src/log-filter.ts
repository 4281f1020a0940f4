import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ActorPageRequest } from './actor-request';

/**
 * A page of one of the console's logs (the audit log, the delivery log): who asks, and the filters both
 * share — a time range [from, to) on when the row was written, and a correlation id (everything one
 * request or one mass invite caused).
 */
export class LogPageRequest extends ActorPageRequest {
  /** At or after (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Before (ISO 8601). */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  correlationId?: string;
}
