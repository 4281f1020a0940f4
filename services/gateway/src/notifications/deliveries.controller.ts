import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, NOTIFICATION_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../api/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation } from '../openapi/operation';
import { ListDeliveriesQuery } from './notifications.dto';
import { Delivery, DeliveryPage } from './notifications.responses';
import { TenancyAdminCheck } from './tenancy-admin-check';

/** The delivery log of a tenancy (every email, its status and attempts) and retrying a failed one. */
@ApiTags('notifications')
@Controller('api/v1/tenancies/:tenancyId/deliveries')
export class DeliveriesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenancyAdmins: TenancyAdminCheck,
  ) {}

  /** Tenant admins of the tenancy and operators. Newest first; `sending` shows as `queued`. */
  @Get()
  @Operation({
    id: 'listDeliveries',
    summary: "List a tenancy's email deliveries, newest first",
    description: 'Tenant admins of the tenancy and operators. `sending` shows as `queued`.',
    errors: { 400: ['VALIDATION.FAILED'], 403: ['PERMISSION.DENIED'], 404: ['TENANCY.NOT_FOUND'] },
  })
  @ApiOkResponse({ type: DeliveryPage })
  async list(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Query() query: ListDeliveriesQuery,
  ) {
    await this.tenancyAdmins.require(actor, tenancyId);
    return this.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_LIST, { actor, tenancyId, ...query });
  }

  /** A failed delivery goes back to the queue with its attempts reset (DELIVERY.NOT_RETRYABLE otherwise). */
  @Post(':deliveryId/retry')
  @HttpCode(200)
  @Operation({
    id: 'retryDelivery',
    summary: 'Queue a failed delivery again',
    errors: {
      400: ['VALIDATION.FAILED'],
      403: ['PERMISSION.DENIED'],
      404: ['TENANCY.NOT_FOUND', 'DELIVERY.NOT_FOUND'],
      409: ['DELIVERY.NOT_RETRYABLE'],
    },
  })
  @ApiOkResponse({ type: Delivery })
  async retry(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Param('deliveryId', uuidParam('deliveryId')) deliveryId: string,
  ) {
    await this.tenancyAdmins.require(actor, tenancyId);
    return this.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY, { actor, tenancyId, deliveryId });
  }
}
