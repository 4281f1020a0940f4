import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddTenantAdminRequest,
  CheckTenantAdminRequest,
  CreateTenancyRequest,
  GetPolicyRequest,
  HUB_PATTERNS,
  ListTenanciesRequest,
  UpdatePolicyRequest,
} from '@gatehouse/contracts';
import { AccessService } from '../permissions/access.service';
import { TenancyService } from './update-policy.usecase';

@Controller()
export class TenancyController {
  constructor(
    private readonly tenancies: TenancyService,
    private readonly access: AccessService,
  ) {}

  @MessagePattern(HUB_PATTERNS.TENANCY_CREATE)
  create(@Payload() request: CreateTenancyRequest) {
    return this.tenancies.create(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANCY_LIST)
  list(@Payload() request: ListTenanciesRequest) {
    return this.tenancies.list(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANT_ADMIN_ADD)
  addAdmin(@Payload() request: AddTenantAdminRequest) {
    return this.tenancies.addAdmin(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANT_ADMIN_CHECK)
  async checkAdmin(@Payload() request: CheckTenantAdminRequest) {
    await this.access.requireTenancyAdmin(request.actor, request.tenancyId);
    return { tenancyId: request.tenancyId };
  }

  @MessagePattern(HUB_PATTERNS.POLICY_GET)
  getPolicy(@Payload() request: GetPolicyRequest) {
    return this.tenancies.getPolicy(request);
  }

  @MessagePattern(HUB_PATTERNS.POLICY_UPDATE)
  updatePolicy(@Payload() request: UpdatePolicyRequest) {
    return this.tenancies.updatePolicy(request);
  }
}
