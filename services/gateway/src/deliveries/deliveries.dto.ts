import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus, EMAIL_TEMPLATE_IDS, EmailTemplateId } from '@gatehouse/contracts';
import { PageQuery } from '../http/page-query.dto';
import { LogFilterQuery } from '../http/log-filter.dto';

/** GET /api/v1/tenancies/{tenancyId}/deliveries */
export class ListDeliveriesQuery extends IntersectionType(PageQuery, LogFilterQuery) {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the deliveries about this Hub' })
  @IsOptional()
  @IsUUID()
  hubId?: string;

  @ApiPropertyOptional({ enum: EMAIL_TEMPLATE_IDS, description: 'The kind of email' })
  @IsOptional()
  @IsIn(EMAIL_TEMPLATE_IDS, { message: `template must be one of ${EMAIL_TEMPLATE_IDS.join(', ')}` })
  template?: EmailTemplateId;

  @ApiPropertyOptional({ maxLength: 254, example: 'grace@', description: "Part of the recipient's address, any case" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  recipient?: string;
}

/** POST /api/v1/tenancies/{tenancyId}/deliveries/retry-failed */
export class RetryFailedDeliveriesBody {
  @ApiProperty({ format: 'uuid', description: 'The mass invite whose failed emails go out again' })
  @IsUUID()
  importId!: string;
}

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
