import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeliveryBacklogRequest,
  DeliveryStatsRequest,
  ERROR_CODES,
  NOTIFICATION_PATTERNS,
  DomainError,
} from '@gatehouse/contracts';
import { DeliveryStatsRepository } from './delivery-stats.repository';

/**
 * The console's email numbers. Per-tenancy stats trust the gateway's tenant-admin check (made with the hub
 * before the call, as for the delivery log); the installation-wide backlog is refused here to non-operators.
 */
@Controller()
export class DeliveryStatsController {
  constructor(private readonly stats: DeliveryStatsRepository) {}

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_STATS)
  daily(@Payload() request: DeliveryStatsRequest) {
    return this.stats.daily(request);
  }

  @MessagePattern(NOTIFICATION_PATTERNS.DELIVERY_BACKLOG)
  backlog(@Payload() request: DeliveryBacklogRequest) {
    if (!request.actor.isOperator) {
      throw new DomainError(
        ERROR_CODES.PERMISSION_DENIED,
        'Only operators can see the emails waiting across the installation.',
      );
    }
    return this.stats.backlog();
  }
}
