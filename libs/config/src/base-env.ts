import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { hostname } from 'node:os';
import { IntSetting } from './int-setting';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Settings every Gatehouse process has. Each service extends it with its own. */
/** Explicit type annotations matter: they carry the metadata that converts "4100" to 4100. */
export class BaseEnv {
  @IsIn(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/gatehouse';

  @Matches(/^amqps?:\/\//, { message: 'AMQP_URL must be an amqp:// URL' })
  AMQP_URL: string = 'amqp://guest:guest@127.0.0.1:5672';

  /** Prefix of every queue and exchange, so that several installations (or test runs) share one broker. */
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/, {
    message: 'AMQP_NAMESPACE may hold lower-case letters, digits, "_", "-" and "."',
  })
  AMQP_NAMESPACE: string = 'gatehouse';

  @IntSetting(1, 1000)
  AMQP_PREFETCH: number = 50;

  @IntSetting(100, 120000)
  RPC_TIMEOUT_MS: number = 5000;

  /** PostgreSQL bounds (pool): connecting, one statement, a transaction left idle. */
  @IntSetting(100, 600000)
  DB_CONNECT_TIMEOUT_MS: number = 10000;

  @IntSetting(100, 3600000)
  DB_STATEMENT_TIMEOUT_MS: number = 60000;

  @IntSetting(100, 3600000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 60000;

  /** Handling attempts of a consumed event that fails transiently, before it is dead-lettered. */
  @IntSetting(1, 50)
  MESSAGE_MAX_ATTEMPTS: number = 8;

  /** Back-off before the first retry of such an event; doubled for each further one up to the max. */
  @IntSetting(10, 600000)
  MESSAGE_RETRY_BASE_MS: number = 1000;

  @IntSetting(10, 3600000)
  MESSAGE_RETRY_MAX_MS: number = 30000;

  /**
   * When the broker turns out to have lost its definitions (and the messages in its queues), the outbox
   * events sent this recently are published again (consumers' inboxes absorb the copies already handled).
   * At most the invite service's outbox retention (1 hour): older rows may be pruned.
   */
  @IntSetting(0, 3600000)
  OUTBOX_REPLAY_WINDOW_MS: number = 1800000;

  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /**
   * This replica's name, the same across its restarts (default: the host name): work it had claimed when
   * it died (deliveries being sent, import jobs) is taken up again as soon as it boots. Set it when several
   * replicas of a service share a host.
   */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, {
    message: 'REPLICA_ID may hold letters, digits, "_", ".", ":" and "-"',
  })
  REPLICA_ID: string = hostname();

  @IsOptional()
  @IsString()
  HTTP_HOST: string = '127.0.0.1';
}
