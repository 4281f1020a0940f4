import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, IMPORT_ERROR_CODES, IMPORT_PATTERNS, NOTIFICATION_PATTERNS, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { uuidParam } from '../http/uuid-param';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Operation, TENANCY_ERRORS, withErrors } from '../openapi/operation';
import { ListDeliveriesQuery, RetryFailedDeliveriesBody } from './deliveries.dto';
import { Delivery, DeliveryPage, RetriedDeliveries } from './deliveries.responses';
import { TenancyAdminCheck } from '../tenancies/tenancy-admin-check';

/** The delivery log of a tenancy (every email, its status and attempts) and retrying a failed one. */
@ApiTags('notifications')
@Controller('api/v1/tenancies/:tenancyId/deliveries')
export class DeliveriesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly tenancyAdmins: TenancyAdminCheck,
  ) {}

  /** Tenant admins of the tenancy and operators. Newest first, filtered in the notification service's query. */
  @Get()
  @Operation({
    id: 'listDeliveries',
    summary: "List a tenancy's email deliveries, newest first",
    description:
      'Tenant admins of the tenancy and operators. Filters: status, template (kind), hubId, recipient (part of ' +
      'the address), from/to (created, ISO 8601), correlationId (what one request or mass invite caused).',
    errors: TENANCY_ERRORS,
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

  /**
   * Every failed delivery of one mass invite back in the queue. The invite service says whether the caller
   * may see the import (and which correlation id its emails carry); the notification service requeues them
   * in one statement.
   */
  @Post('retry-failed')
  @HttpCode(200)
  @Operation({
    id: 'retryFailedDeliveriesOfImport',
    summary: 'Queue again every failed email of one mass invite',
    description:
      'Tenant admins of the tenancy and operators. Invite emails go out again with a new link for the same ' +
      'pending invite (the failed one was dropped). Answers how many were queued again, and how many were left ' +
      'failed and why: the link expired, the invite is no longer pending or was resent since, or (sign-up ' +
      'confirmations) the link is gone.',
    errors: withErrors(TENANCY_ERRORS, { 404: ['IMPORT.NOT_FOUND'] }),
  })
  @ApiOkResponse({ type: RetriedDeliveries })
  async retryFailed(
    @CurrentActor() actor: Actor,
    @Param('tenancyId', uuidParam('tenancyId')) tenancyId: string,
    @Body() body: RetryFailedDeliveriesBody,
  ): Promise<RetriedDeliveries> {
    await this.tenancyAdmins.require(actor, tenancyId);
    const job = await this.rpc.call(IMPORT_PATTERNS.GET, { actor, jobId: body.importId });
    if (job.tenancyId !== tenancyId) {
      throw new DomainError(IMPORT_ERROR_CODES.NOT_FOUND, 'No such import in this tenancy.');
    }
    const result = await this.rpc.call(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED, {
      actor,
      tenancyId,
      correlationId: job.correlationId,
    });
    return { importId: job.id, ...result };
  }

  /** A failed delivery goes back to the queue with its attempts reset (DELIVERY.NOT_RETRYABLE otherwise). */
  @Post(':deliveryId/retry')
  @HttpCode(200)
  @Operation({
    id: 'retryDelivery',
    summary: 'Queue a failed delivery again',
    description:
      'Tenant admins of the tenancy and operators. A failed invite email goes out again on the same delivery ' +
      'with a new link for its pending invite. Refused (DELIVERY.NOT_RETRYABLE, `reason` in details) when the ' +
      'delivery is not failed, its link has expired, its invite was accepted, revoked or resent since, or it ' +
      'is a sign-up confirmation whose link was dropped.',
    errors: withErrors(TENANCY_ERRORS, { 404: ['DELIVERY.NOT_FOUND'], 409: ['DELIVERY.NOT_RETRYABLE'] }),
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
