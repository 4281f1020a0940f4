import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_REGISTRATION_LINK_DOMAINS, MAX_REGISTRATION_LINK_USES, USER_TYPES, UserType } from '@gatehouse/contracts';

/** Absent = leave as it is; null is refused (these settings always have a value). */
const present = (_: object, value: unknown) => value !== undefined;
/** Absent = leave as it is; null = clear the setting. */
const given = (_: object, value: unknown) => value !== undefined && value !== null;

/** PATCH /api/v1/hubs/{hubId}/registration-link (Hub admins). Every field is optional. */
export class UpdateRegistrationLinkBody {
  @ApiPropertyOptional({
    description: 'Turn the link on or off (off by default). Enabling issues the URL the first time.',
  })
  @ValidateIf(present)
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ enum: USER_TYPES, default: 'EXTERNAL_MEMBER', description: 'What people who join become' })
  @ValidateIf(present)
  @IsIn(USER_TYPES, { message: `userType must be ${USER_TYPES.join(' or ')}` })
  userType?: UserType;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'In the future; null = never',
  })
  @ValidateIf(given)
  @IsISO8601({ strict: true }, { message: 'expiresAt must be an ISO 8601 date-time (or null for no expiry)' })
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: Number,
    minimum: 1,
    maximum: MAX_REGISTRATION_LINK_USES,
    nullable: true,
    description: 'null = no limit',
  })
  @ValidateIf(given)
  @IsInt()
  @Min(1)
  @Max(MAX_REGISTRATION_LINK_USES)
  maxUses?: number | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['example.com'],
    description: 'Exact email domains allowed to join (subdomains are not included); empty = any domain',
  })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(MAX_REGISTRATION_LINK_DOMAINS)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  allowedDomains?: string[];
}
