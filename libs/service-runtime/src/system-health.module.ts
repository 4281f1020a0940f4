import { Controller, DynamicModule, Inject, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { getDataSourceToken } from '@nestjs/typeorm';
import {
  DatabaseHealthView,
  ERROR_CODES,
  OutboxBacklogView,
  ProcessHealthView,
  SYSTEM_HEALTH_PATTERNS,
  ServiceName,
  SystemHealthRequest,
  DomainError,
} from '@gatehouse/contracts';
import { processInfo } from '@gatehouse/observability';
import { DataSource } from 'typeorm';

export interface SystemHealthSettings {
  service: ServiceName;
  replicaId: string;
  /** The service's schema, where its outbox table is. */
  schema: string;
}

const SYSTEM_HEALTH_SETTINGS = Symbol('SYSTEM_HEALTH_SETTINGS');

/** What one process reports about itself, its database and its outbox; every part answers or says why not. */
@Injectable()
export class SystemHealthReporter {
  constructor(
    @Inject(SYSTEM_HEALTH_SETTINGS) private readonly settings: SystemHealthSettings,
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
  ) {}

  async report(request: SystemHealthRequest): Promise<ProcessHealthView> {
    if (!request.actor.isOperator) {
      throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only operators can see the health of the installation.');
    }
    const [database, outbox] = await Promise.all([this.database(), this.outbox()]);
    return { service: this.settings.service, replicaId: this.settings.replicaId, ...processInfo(), database, outbox };
  }

  private async database(): Promise<DatabaseHealthView> {
    try {
      const [row] = (await this.dataSource.query(
        `SELECT current_setting('server_version') AS version,
                current_setting('max_connections')::int AS "maxConnections",
                (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) AS connections`,
      )) as { version: string; maxConnections: number; connections: number }[];
      return { reachable: true, ...row };
    } catch {
      return { reachable: false, version: null, connections: null, maxConnections: null };
    }
  }

  private async outbox(): Promise<OutboxBacklogView> {
    try {
      const [row] = (await this.dataSource.query(
        `SELECT count(*)::int AS unsent, min(created_at) AS oldest FROM "${this.settings.schema}".outbox
         WHERE sent_at IS NULL`,
      )) as { unsent: number; oldest: Date | null }[];
      return { unsent: row.unsent, oldestUnsentAt: row.oldest ? new Date(row.oldest).toISOString() : null };
    } catch {
      // The database is down: reported as unreachable above; the backlog is unknown, not zero.
      return { unsent: null, oldestUnsentAt: null };
    }
  }
}

/** The `<service>.system.health` handler of one service (the pattern goes to that service's RPC queue). */
function healthController(service: ServiceName) {
  @Controller()
  class SystemHealthController {
    constructor(private readonly reporter: SystemHealthReporter) {}

    @MessagePattern(SYSTEM_HEALTH_PATTERNS[service])
    report(@Payload() request: SystemHealthRequest) {
      return this.reporter.report(request);
    }
  }
  return SystemHealthController;
}

/**
 * Answers the gateway's health report for one back-end service (GET /api/v1/system/health): version,
 * uptime, replica, PostgreSQL as this service sees it, and its outbox backlog. Operators only.
 */
@Module({})
export class SystemHealthModule {
  static register(settings: SystemHealthSettings): DynamicModule {
    return {
      module: SystemHealthModule,
      controllers: [healthController(settings.service)],
      providers: [{ provide: SYSTEM_HEALTH_SETTINGS, useValue: settings }, SystemHealthReporter],
    };
  }
}
