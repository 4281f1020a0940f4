import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

/** POST /api/v1/tenancies/{tenancyId}/policy/preview */
export class RenderPreviewBody {
  /**
   * No length limit here on purpose: the notification service applies the policy API's own rule
   * (POLICY.APPENDIX_TOO_LONG, POLICY.APPENDIX_BLANK), and a limit here would answer with another code.
   */
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "The appendix being edited (plain text). Omitted: the tenancy's current appendix; null: none. " +
      'Checked like PATCH …/policy: blank → POLICY.APPENDIX_BLANK, over 2000 characters → POLICY.APPENDIX_TOO_LONG.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  appendix?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 90,
    description: "The invite expiry being edited, for the sample's expiry date (default: the tenancy's current one)",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  inviteExpiryDays?: number;

  @ApiPropertyOptional({ example: 'Project Falcon', description: 'The Hub name in the sample (default "Example Hub")' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  hubName?: string;
}
