import { DynamicModule, Module } from '@nestjs/common';
import { backendInfrastructure } from '@gatehouse/service-runtime';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditController } from './audit/audit.controller';
import { AuditWriter } from './audit/audit-writer';
import { AuditEventRecorder } from './audit/audit-event-recorder';
import { InviteAuditConsumer } from './audit/invite-audit.consumer';
import { RegistrationLinkAuditConsumer } from './audit/registration-link-audit.consumer';
import { HUB_MIGRATIONS } from './database/migrations';
import { HubEnv, HUB_SCHEMA } from './hub.config';
import { HubController } from './hubs/hub.controller';
import { HubEntity } from './hubs/hub.entity';
import { CreateHub } from './hubs/create-hub.usecase';
import { GetHub } from './hubs/get-hub.usecase';
import { ListHubs } from './hubs/list-hubs.usecase';
import { ListTenancyHubs } from './hubs/list-tenancy-hubs.usecase';
import { MembersController } from './membership/members.controller';
import { AddMembersBulk } from './membership/add-members-bulk.usecase';
import { FindMembers } from './membership/find-members.usecase';
import { GetMembership } from './membership/get-membership.usecase';
import { ListMembers } from './membership/list-members.usecase';
import { RemoveMember } from './membership/remove-member.usecase';
import { UpdateMember } from './membership/update-member.usecase';
import { MembershipEntity } from './membership/membership.entity';
import { AccessPolicy } from './permissions/access-policy';
import { PermissionsController } from './permissions/permissions.controller';
import { TenancyPolicyEntity } from './tenancy/tenancy-policy.entity';
import { TenancyController } from './tenancy/tenancy.controller';
import { TenancyEntity } from './tenancy/tenancy.entity';
import { AddTenantAdmin } from './tenancy/add-tenant-admin.usecase';
import { CreateTenancy } from './tenancy/create-tenancy.usecase';
import { GetPolicy } from './tenancy/get-policy.usecase';
import { ListTenancies } from './tenancy/list-tenancies.usecase';
import { UpdatePolicy } from './tenancy/update-policy.usecase';
import { TenantAdminEntity } from './tenancy/tenant-admin.entity';

const ENTITIES = [TenancyEntity, TenancyPolicyEntity, TenantAdminEntity, HubEntity, MembershipEntity, AuditEntryEntity];

/** The hub service's root module: the only place its infrastructure modules are configured. */
@Module({})
export class HubModule {
  static forRoot(env: HubEnv): DynamicModule {
    return {
      module: HubModule,
      imports: backendInfrastructure(env, {
        service: 'hub',
        schema: HUB_SCHEMA,
        entities: ENTITIES,
        migrations: HUB_MIGRATIONS,
      }),
      controllers: [
        TenancyController,
        HubController,
        MembersController,
        PermissionsController,
        AuditController,
        InviteAuditConsumer,
        RegistrationLinkAuditConsumer,
      ],
      providers: [
        { provide: HubEnv, useValue: env },
        AccessPolicy,
        AuditWriter,
        AuditEventRecorder,
        CreateTenancy,
        ListTenancies,
        AddTenantAdmin,
        GetPolicy,
        UpdatePolicy,
        CreateHub,
        ListHubs,
        ListTenancyHubs,
        GetHub,
        GetMembership,
        ListMembers,
        AddMembersBulk,
        FindMembers,
        UpdateMember,
        RemoveMember,
      ],
    };
  }
}
