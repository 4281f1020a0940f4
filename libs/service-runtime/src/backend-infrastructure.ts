import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { BaseEnv } from '@gatehouse/config';
import { ServiceName } from '@gatehouse/contracts';
import { ServiceDatabaseSettings, envDataSourceOptions } from '@gatehouse/database';
import { BrokerConnection, MessagingModule } from '@gatehouse/messaging';
import { ObservabilityModule } from '@gatehouse/observability';
import { DataSource } from 'typeorm';
import { SystemHealthModule } from './system-health.module';

export interface BackendInfrastructureSettings extends Pick<ServiceDatabaseSettings, 'entities' | 'migrations'> {
  service: ServiceName;
  /** The service's own schema: its tables, migrations table, outbox and inbox. */
  schema: string;
}

/**
 * The infrastructure modules every back-end service's root module imports, configured from its
 * environment: the system-health handler, its database, RabbitMQ (with the outbox; the inbox lives beside
 * it, and the relay is part of every back-end process even when idle), and health and metrics whose
 * readiness checks the database and the broker.
 */
export function backendInfrastructure(env: BaseEnv, settings: BackendInfrastructureSettings): DynamicModule[] {
  const { service, schema } = settings;
  return [
    SystemHealthModule.register({ service, replicaId: env.REPLICA_ID, schema }),
    TypeOrmModule.forRoot(
      envDataSourceOptions(env, { schema, entities: settings.entities, migrations: settings.migrations }),
    ),
    MessagingModule.register({
      amqpUrl: env.AMQP_URL,
      namespace: env.AMQP_NAMESPACE,
      rpcTimeoutMs: env.RPC_TIMEOUT_MS,
      outbox: { schema, databaseUrl: env.DATABASE_URL },
    }),
    ObservabilityModule.register(service, {
      inject: [getDataSourceToken(), BrokerConnection],
      useFactory: (dataSource: DataSource, broker: BrokerConnection) => [
        { name: 'database', check: async () => (await dataSource.query('SELECT 1')).length === 1 },
        { name: 'broker', check: () => broker.isHealthy() },
      ],
    }),
  ];
}
