import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CheckPermissionRequest, HUB_PATTERNS, PermissionDecision } from '@gatehouse/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HubEntity } from '../hubs/hub.entity';
import { TenancyPolicyEntity } from '../tenancy/tenancy-policy.entity';
import { toMembershipView } from '../views';
import { AccessPolicy } from './access-policy';
import { decide } from './permission-matrix';

@Controller()
export class PermissionsController {
  constructor(
    private readonly access: AccessPolicy,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Answers with a decision rather than an error, plus what an inviting service needs next. */
  @MessagePattern(HUB_PATTERNS.PERMISSION_CHECK)
  async check(@Payload() request: CheckPermissionRequest): Promise<PermissionDecision> {
    const hub = await this.dataSource.manager.findOne(HubEntity, { where: { id: request.hubId } });
    const membership = hub ? await this.access.membership(request.hubId, request.accountId) : null;
    const decision = decide(membership, request.action, request.userType);
    const policy = hub
      ? await this.dataSource.manager.findOne(TenancyPolicyEntity, { where: { tenancyId: hub.tenancyId } })
      : null;
    return {
      allowed: decision.allowed,
      denial: decision.allowed ? null : { code: decision.code, message: decision.message },
      scope: decision.allowed ? decision.scope : null,
      hub: hub && membership ? { id: hub.id, name: hub.name, tenancyId: hub.tenancyId } : null,
      membership: membership ? toMembershipView(membership) : null,
      inviteExpiryDays: hub && membership ? (policy?.inviteExpiryDays ?? 14) : null,
    };
  }
}
