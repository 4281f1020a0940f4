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
import { AccessPolicy } from '../permissions/access-policy';
import { AddTenantAdmin } from './add-tenant-admin.usecase';
import { CreateTenancy } from './create-tenancy.usecase';
import { GetPolicy } from './get-policy.usecase';
import { ListTenancies } from './list-tenancies.usecase';
import { UpdatePolicy } from './update-policy.usecase';

@Controller()
export class TenancyController {
  constructor(
    private readonly createTenancy: CreateTenancy,
    private readonly listTenancies: ListTenancies,
    private readonly addTenantAdmin: AddTenantAdmin,
    private readonly getTenancyPolicy: GetPolicy,
    private readonly updateTenancyPolicy: UpdatePolicy,
    private readonly access: AccessPolicy,
  ) {}

  @MessagePattern(HUB_PATTERNS.TENANCY_CREATE)
  create(@Payload() request: CreateTenancyRequest) {
    return this.createTenancy.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANCY_LIST)
  list(@Payload() request: ListTenanciesRequest) {
    return this.listTenancies.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANT_ADMIN_ADD)
  addAdmin(@Payload() request: AddTenantAdminRequest) {
    return this.addTenantAdmin.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.TENANT_ADMIN_CHECK)
  async checkAdmin(@Payload() request: CheckTenantAdminRequest) {
    await this.access.requireTenancyAdmin(request.actor, request.tenancyId);
    return { tenancyId: request.tenancyId };
  }

  @MessagePattern(HUB_PATTERNS.POLICY_GET)
  getPolicy(@Payload() request: GetPolicyRequest) {
    return this.getTenancyPolicy.execute(request);
  }

  @MessagePattern(HUB_PATTERNS.POLICY_UPDATE)
  updatePolicy(@Payload() request: UpdatePolicyRequest) {
    return this.updateTenancyPolicy.execute(request);
  }
}
