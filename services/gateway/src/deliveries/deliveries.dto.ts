import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
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
