import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { serviceDataSourceOptions } from '@gatehouse/database';
import { BrokerConnection, MessagingModule } from '@gatehouse/messaging';
import { ObservabilityModule } from '@gatehouse/observability';
import { SystemHealthModule } from '@gatehouse/service-runtime';
import { DataSource } from 'typeorm';
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
import { MembersService } from './membership/members.service';
import { MembershipEntity } from './membership/membership.entity';
import { AccessService } from './permissions/access.service';
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
      imports: [
        SystemHealthModule.register({ service: 'hub', replicaId: env.REPLICA_ID, schema: HUB_SCHEMA }),
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: env.DATABASE_URL,
            timeouts: {
              connectMs: env.DB_CONNECT_TIMEOUT_MS,
              statementMs: env.DB_STATEMENT_TIMEOUT_MS,
              idleInTransactionMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
            },
            schema: HUB_SCHEMA,
            entities: ENTITIES,
            migrations: HUB_MIGRATIONS,
          }),
        ),
        MessagingModule.register({
          amqpUrl: env.AMQP_URL,
          namespace: env.AMQP_NAMESPACE,
          rpcTimeoutMs: env.RPC_TIMEOUT_MS,
          outbox: { schema: HUB_SCHEMA, databaseUrl: env.DATABASE_URL },
        }),
        ObservabilityModule.register('hub', {
          inject: [getDataSourceToken(), BrokerConnection],
          useFactory: (dataSource: DataSource, broker: BrokerConnection) => [
            { name: 'database', check: async () => (await dataSource.query('SELECT 1')).length === 1 },
            { name: 'broker', check: () => broker.isHealthy() },
          ],
        }),
      ],
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
        CreateTenancy,
        ListTenancies,
        AddTenantAdmin,
        GetPolicy,
        UpdatePolicy,
        CreateHub,
        ListHubs,
        ListTenancyHubs,
        GetHub,
        MembersService,
      ],
    };
  }
}
