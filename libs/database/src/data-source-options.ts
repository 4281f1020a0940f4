import type { BaseEnv } from '@gatehouse/config';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDatabaseSettings {
  url: string;
  /** The service's own schema; its migrations table lives there too. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
}

/** Bounds on waiting for PostgreSQL (DB_* env, see README): no request hangs on a dead or stuck server. */
export interface DatabaseTimeouts {
  /** Waiting for a new connection (TCP + authentication). */
  connectMs: number;
  /** One statement; PostgreSQL cancels it after this (SQLSTATE 57014, retried as transient). */
  statementMs: number;
  /** A transaction left open and idle, e.g. by a process that hung mid-transaction; PostgreSQL ends it. */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 60_000,
  idleInTransactionMs: 60_000,
};

/** TypeORM options for one service: its own schema and migrations table, never `synchronize`. */
export function serviceDataSourceOptions(settings: ServiceDatabaseSettings): DataSourceOptions {
  const timeouts = settings.timeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    },
    logging: ['error'],
  };
}

/** The settings of every process's environment (libs/config BaseEnv) that say how to reach PostgreSQL. */
export type DatabaseEnv = Pick<
  BaseEnv,
  'DATABASE_URL' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'
>;

/** serviceDataSourceOptions with the URL and the DB_* bounds read from the process's environment. */
export function envDataSourceOptions(
  env: DatabaseEnv,
  settings: Omit<ServiceDatabaseSettings, 'url' | 'timeouts'>,
): DataSourceOptions {
  return serviceDataSourceOptions({
    ...settings,
    url: env.DATABASE_URL,
    timeouts: {
      connectMs: env.DB_CONNECT_TIMEOUT_MS,
      statementMs: env.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionMs: env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  });
}
