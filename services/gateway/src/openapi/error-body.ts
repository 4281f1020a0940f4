import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** Every error response of the API (see errors/http-error.filter.ts). */
@ApiSchema({ name: 'Error', description: 'An error: a stable code to branch on and a sentence a person can read.' })
export class ErrorBody {
  @ApiProperty({
    example: 'PERMISSION.DENIED',
    description: 'Stable error code (libs/contracts/src/errors/error-codes.ts).',
  })
  code!: string;

  @ApiProperty({ example: 'Only Hub admins can change members.', description: 'What went wrong, in words.' })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Machine-readable context, such as the field that failed validation.',
  })
  details?: Record<string, unknown>;
}

/** The paging fields of every list response; each list has its own named class with its `items`. */
export abstract class PageFields {
  @ApiProperty({ type: 'integer', description: 'How many items match, across all pages.', minimum: 0 })
  total!: number;

  @ApiProperty({ type: 'integer', description: 'The page size used.', minimum: 1 })
  limit!: number;

  @ApiProperty({ type: 'integer', description: 'How many matching items come before this page.', minimum: 0 })
  offset!: number;
}
