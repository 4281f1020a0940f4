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
import { HubService } from './hubs/hub.service';
import { MembersController } from './membership/members.controller';
import { MembersService } from './membership/members.service';
import { MembershipEntity } from './membership/membership.entity';
import { AccessService } from './permissions/access.service';
import { PermissionsController } from './permissions/permissions.controller';
import { TenancyPolicyEntity } from './tenancy/tenancy-policy.entity';
import { TenancyController } from './tenancy/tenancy.controller';
import { TenancyEntity } from './tenancy/tenancy.entity';
import { TenancyService } from './tenancy/tenancy.service';
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
        AccessService,
        AuditWriter,
        AuditEventRecorder,
        TenancyService,
        HubService,
        MembersService,
      ],
    };
  }
}
