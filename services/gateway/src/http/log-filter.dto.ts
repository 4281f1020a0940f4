import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** The filters the console's logs share (audit log, delivery log): a time range and a correlation id. */
export class LogFilterQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'At or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date and time (ISO 8601)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date and time (ISO 8601)' })
  to?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Only what one request or one mass invite caused' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  correlationId?: string;
}
