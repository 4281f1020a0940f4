import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_PAGE_SIZE,
  DeliveryView,
  ERROR_CODES,
  ListDeliveriesRequest,
  NOTIFICATION_ERROR_CODES,
  Page,
  RetryDeliveryRequest,
  RetryFailedDeliveriesRequest,
  RetryFailedDeliveriesResult,
} from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { ONE_TIME_LINK_VARS, publicStatus, toDeliveryView } from './delivery-record';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryWorker } from './delivery.worker';

/**
 * The console's view of deliveries: listing, and asking again for a failed one.
 * Authorisation is the gateway's (it lets only tenant admins of the tenancy and operators call);
 * here, only a listing across every tenancy is limited to operators.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  async list(request: ListDeliveriesRequest): Promise<Page<DeliveryView>> {
    const { actor, tenancyId, limit = DEFAULT_PAGE_SIZE, offset = 0 } = request;
    if (!tenancyId && !actor.isOperator) {
      throw new DomainError(
        ERROR_CODES.PERMISSION_DENIED,
        'Only a platform operator can list the deliveries of every tenancy.',
      );
    }
    const { hubId, status, template, recipient, from, to, correlationId } = request;
    const { rows, total } = await this.deliveries.list(
      { tenancyId, hubId, status, template, recipient, from, to, correlationId },
      limit,
      offset,
    );
    return { items: rows.map(toDeliveryView), total, limit, offset };
  }

  /** A failed delivery goes back to the queue with its attempts reset; anything else is refused. */
  async retry({ tenancyId, deliveryId }: RetryDeliveryRequest): Promise<DeliveryView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.deliveries.findForUpdate(manager, tenancyId, deliveryId);
      if (!current) {
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_FOUND,
          'There is no such delivery in this tenancy.',
          {
            deliveryId,
          },
        );
      }
      if (current.status !== 'failed') {
        const shown = publicStatus(current);
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_RETRYABLE,
          `Only a failed delivery can be retried; this one is ${shown}.`,
          { deliveryId, status: shown },
        );
      }
      // Emails whose link expires: sending a dead link helps nobody.
      const expiring = current.template === 'invite' || current.template === 'signup-confirm';
      const expiresAt = expiring ? String(current.vars?.expiresAt ?? '') : '';
      if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_RETRYABLE,
          current.template === 'invite'
            ? 'This invite has expired; its link would not work. Resend the invite instead.'
            : 'This sign-up confirmation has expired; its link would not work. The person can sign up again.',
          { deliveryId, status: 'failed', expiresAt },
        );
      }
      // Their one-time link was dropped when they failed (ONE_TIME_LINK_VARS): a new one is needed.
      if (expiring && !ONE_TIME_LINK_VARS.some((name) => current.vars?.[name])) {
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_RETRYABLE,
          current.template === 'invite'
            ? "This invite's link is no longer stored (it is dropped when an email fails). Resend the invite from the Hub's pending invites: that sends a new link."
            : 'This sign-up confirmation link is no longer stored (it is dropped when an email fails). The person can sign up again.',
          { deliveryId, status: 'failed' },
        );
      }
      return this.deliveries.requeueFailed(manager, deliveryId);
    });
    this.worker.wake();
    return toDeliveryView(row);
  }

  /**
   * Every failed delivery of one mass invite (its correlation id) back in the queue, set-based; those whose
   * link has expired are left failed and counted, as a single retry would refuse them.
   */
  async retryFailed({ tenancyId, correlationId }: RetryFailedDeliveriesRequest): Promise<RetryFailedDeliveriesResult> {
    const result = await this.deliveries.requeueFailedOf(tenancyId, correlationId);
    if (result.requeued > 0) this.worker.wake();
    return result;
  }
}
