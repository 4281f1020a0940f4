import { Injectable } from '@nestjs/common';
import { DeliveryView, ERROR_CODES, ListDeliveriesRequest, Page, DomainError, pageWindow } from '@gatehouse/contracts';
import { toDeliveryView } from './delivery-record';
import { DeliveryRepository } from './delivery.repository';

/**
 * The console's delivery log. Authorisation is the gateway's (it lets only tenant admins of the tenancy and
 * operators call); here, only a listing across every tenancy is limited to operators.
 */
@Injectable()
export class ListDeliveries {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(request: ListDeliveriesRequest): Promise<Page<DeliveryView>> {
    const { actor, tenancyId } = request;
    if (!tenancyId && !actor.isOperator) {
      throw new DomainError(
        ERROR_CODES.PERMISSION_DENIED,
        'Only a platform operator can list the deliveries of every tenancy.',
      );
    }
    const { hubId, status, template, recipient, from, to, correlationId } = request;
    const { limit, offset } = pageWindow(request);
    const { rows, total } = await this.deliveries.list(
      { tenancyId, hubId, status, template, recipient, from, to, correlationId },
      limit,
      offset,
    );
    return { items: rows.map(toDeliveryView), total, limit, offset };
  }
}
