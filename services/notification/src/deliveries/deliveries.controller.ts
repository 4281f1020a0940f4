import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListDeliveriesRequest,
  NOTIFICATION_PATTERNS,
  RetryDeliveryRequest,
  RetryFailedDeliveriesRequest,
} from '@gatehouse/contracts';
import { ListDeliveries } from './list-deliveries.usecase';
import { RetryDelivery } from './retry-delivery.usecase';
import { RetryFailedDeliveries } from './retry-failed-deliveries.usecase';

/** The console's delivery log and its retries (notification.delivery.*). */
@Controller()
export class DeliveriesController {
  constructor(
    private readonly listDeliveries: ListDeliveries,
    private readonly retryDelivery: RetryDelivery,
    private readonly retryFailedDeliveries: RetryFailedDeliveries,
  ) {}

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_LIST)
  list(@Payload() request: ListDeliveriesRequest) {
    return this.listDeliveries.execute(request);
  }

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_RETRY)
  retry(@Payload() request: RetryDeliveryRequest) {
    return this.retryDelivery.execute(request);
  }

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED)
  retryFailed(@Payload() request: RetryFailedDeliveriesRequest) {
    return this.retryFailedDeliveries.execute(request);
  }
}
