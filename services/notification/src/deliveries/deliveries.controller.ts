import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListDeliveriesRequest,
  NOTIFICATION_PATTERNS,
  RetryDeliveryRequest,
  RetryFailedDeliveriesRequest,
} from '@gatehouse/contracts';
import { DeliveriesService } from './retry-delivery.usecase';

@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_LIST)
  list(@Payload() request: ListDeliveriesRequest) {
    return this.deliveries.list(request);
  }

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_RETRY)
  retry(@Payload() request: RetryDeliveryRequest) {
    return this.deliveries.retry(request);
  }

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED)
  retryFailed(@Payload() request: RetryFailedDeliveriesRequest) {
    return this.deliveries.retryFailed(request);
  }
}
