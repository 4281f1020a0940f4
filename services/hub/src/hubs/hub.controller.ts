import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateHubRequest,
  GetHubRequest,
  HUB_PATTERNS,
  ListHubsRequest,
  ListTenancyHubsRequest,
} from '@gatehouse/contracts';
import { CreateHub } from './create-hub.usecase';
import { GetHub } from './get-hub.usecase';
import { ListHubs } from './list-hubs.usecase';
import { ListTenancyHubs } from './list-tenancy-hubs.usecase';

@Controller()
export class HubController {
  constructor(
    private readonly createHub: CreateHub,
    private readonly listHubs: ListHubs,
    private readonly listTenancyHubs: ListTenancyHubs,
    private readonly getHub: GetHub,
  ) {}

  @MessagePattern(HUB_PATTERNS.HUB_CREATE)
  create(@Payload() request: CreateHubRequest) {
    return this.createHub.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.HUB_LIST)
  list(@Payload() request: ListHubsRequest) {
    return this.listHubs.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANCY_HUB_LIST)
  listForTenancy(@Payload() request: ListTenancyHubsRequest) {
    return this.listTenancyHubs.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.HUB_GET)
  get(@Payload() request: GetHubRequest) {
    return this.getHub.execute(request);
  }
}
