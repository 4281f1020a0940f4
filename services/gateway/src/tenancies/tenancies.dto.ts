import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class CreateTenancyBody {
  @ApiProperty({ example: 'Acme Ltd' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'acme' })
  @Matches(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, {
    message: 'slug may hold lower-case letters, digits and inner hyphens (at most 63 characters)',
  })
  slug!: string;

  @ApiProperty({ description: 'Email of an existing account that becomes the first tenant admin' })
  @IsString()
  @MaxLength(320)
  firstAdminEmail!: string;
}

export class AddTenantAdminBody {
  @ApiProperty()
  @IsString()
  @MaxLength(320)
  email!: string;
}

export class UpdatePolicyBody {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description:
      'Plain text: switches the appendix on with this text; null switches it off (the text is kept). ' +
      'Not together with inviteMessageAppendixEnabled / inviteMessageAppendixText.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString() // its length is the hub's rule (POLICY.APPENDIX_TOO_LONG); the body limit caps the size
  inviteMessageAppendix?: string | null;

  @ApiPropertyOptional({ description: 'Switch the appendix on or off; off keeps its text. On needs a text.' })
  @IsOptional()
  @IsBoolean()
  inviteMessageAppendixEnabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: "The appendix text (kept while off); '' or null clears it, only while the appendix is off.",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  inviteMessageAppendixText?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  inviteExpiryDays?: number;
}
