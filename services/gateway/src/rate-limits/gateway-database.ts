import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { envDataSourceOptions, guardPoolClients, migrate } from '@gatehouse/database';
import { DataSource } from 'typeorm';
import { GatewayEnv } from '../gateway.config';
import { GATEWAY_MIGRATIONS, GATEWAY_SCHEMA } from './migrations';

/**
 * The gateway's only database use: its rate limits (schema `gateway`). Opened by main.ts before the
 * gateway listens — not when the module is built, so that building the OpenAPI document needs no database.
 */
@Injectable()
export class GatewayDatabase implements OnModuleDestroy {
  readonly dataSource: DataSource;

  constructor(env: GatewayEnv) {
    this.dataSource = new DataSource(
      envDataSourceOptions(env, { schema: GATEWAY_SCHEMA, entities: [], migrations: GATEWAY_MIGRATIONS, poolSize: 5 }),
    );
  }

  /** Connects and migrates; replicas starting together migrate one after the other. */
  async open(): Promise<void> {
    await this.dataSource.initialize();
    guardPoolClients(this.dataSource, (message) => Logger.warn(message, 'Database'));
    await migrate(this.dataSource);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
