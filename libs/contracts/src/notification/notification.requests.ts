import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ActorRequest, TenancyActorRequest } from '../actor-request';
import { LogPageRequest } from '../log-filter';
import { USER_TYPES, UserType } from '../user-type';
import { StatsWindowRequest } from '../stats';
import { DELIVERY_STATUSES, DeliveryStatus, EMAIL_TEMPLATE_IDS, EmailTemplateId } from './notification.views';

/**
 * Authorisation: every request carries the actor the gateway authenticated. The gateway calls these
 * patterns only for tenant admins of `tenancyId` (it asks the hub) and for operators; the notification
 * service trusts that check and, by itself, only refuses a listing across all tenancies to non-operators.
 */
export class ListDeliveriesRequest extends LogPageRequest {
  /** Omitted: every tenancy (operators only). */
  @IsOptional()
  @IsUUID()
  tenancyId?: string;

  @IsOptional()
  @IsUUID()
  hubId?: string;

  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  /** The kind of email. */
  @IsOptional()
  @IsIn(EMAIL_TEMPLATE_IDS, { message: `template must be one of ${EMAIL_TEMPLATE_IDS.join(', ')}` })
  template?: EmailTemplateId;

  /** Part of the recipient's address, in any case. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  recipient?: string;
}

export class RetryDeliveryRequest extends TenancyActorRequest {
  @IsUUID()
  deliveryId!: string;
}

export class RetryFailedDeliveriesRequest extends TenancyActorRequest {
  /** The correlation id of the mass invite whose failed emails go out again. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  correlationId!: string;
}

export class RenderPreviewRequest extends TenancyActorRequest {
  /**
   * undefined: the tenancy's current appendix; null: no appendix; a string: the appendix to try
   * (checked like the policy API does: POLICY.APPENDIX_BLANK, POLICY.APPENDIX_TOO_LONG).
   */
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  appendix?: string | null;

  /** The Hub name to show in the sample (default "Example Hub"). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  hubName?: string;

  /** The invite expiry being edited (default: the tenancy's current one). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  inviteExpiryDays?: number;

  /** The user type the sample invite offers (default Team Member): a dry run shows its own. */
  @IsOptional()
  @IsIn(USER_TYPES)
  userType?: UserType;
}

/** Per-day email outcomes of a tenancy (optionally one Hub's, one kind of email). */
export class DeliveryStatsRequest extends StatsWindowRequest {
  @IsOptional()
  @IsIn(EMAIL_TEMPLATE_IDS, { message: `template must be one of ${EMAIL_TEMPLATE_IDS.join(', ')}` })
  template?: EmailTemplateId;
}

/** Emails waiting across the installation: operators only. */
export class DeliveryBacklogRequest extends ActorRequest {}
