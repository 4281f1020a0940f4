import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateHubRequest,
  GetHubRequest,
  HUB_PATTERNS,
  ListHubsRequest,
  ListTenancyHubsRequest,
} from '@gatehouse/contracts';
import { HubService } from './create-hub.usecase';

@Controller()
export class HubController {
  constructor(private readonly hubs: HubService) {}

  @MessagePattern(HUB_PATTERNS.HUB_CREATE)
  create(@Payload() request: CreateHubRequest) {
    return this.hubs.create(request);
  }

  @MessagePattern(HUB_PATTERNS.HUB_LIST)
  list(@Payload() request: ListHubsRequest) {
    return this.hubs.list(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANCY_HUB_LIST)
  listForTenancy(@Payload() request: ListTenancyHubsRequest) {
    return this.hubs.listForTenancy(request);
  }

  @MessagePattern(HUB_PATTERNS.HUB_GET)
  get(@Payload() request: GetHubRequest) {
    return this.hubs.get(request);
  }
}
