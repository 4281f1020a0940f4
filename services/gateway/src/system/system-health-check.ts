import { Injectable } from '@nestjs/common';
import {
  Actor,
  DeliveryBacklogView,
  NOTIFICATION_PATTERNS,
  OutboxBacklogView,
  ProcessHealthView,
  SERVICE_NAMES,
  SYSTEM_HEALTH_PATTERNS,
  ServiceName,
} from '@gatehouse/contracts';
import {
  AmqpNames,
  BrokerConnection,
  QueueDepth,
  RpcClient,
  checkQueueDepths,
  declaredQueues,
} from '@gatehouse/messaging';
import { processInfo } from '@gatehouse/observability';
import { GatewayEnv } from '../gateway.config';

/** How long the gateway waits for each service's report: a dead service shows as down, not as a hung page. */
export const HEALTH_RPC_TIMEOUT_MS = 2000;
/** An outbox row older than this means the relay is not publishing: the installation is degraded. */
export const OUTBOX_STALE_MS = 60_000;

export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface ProcessStatus {
  name: 'gateway' | ServiceName;
  up: boolean;
  version: string | null;
  replicaId: string | null;
  startedAt: string | null;
  uptimeSeconds: number | null;
  /** Why it counts as down (it did not answer in time, or answered with an error). */
  error: string | null;
}

export interface SystemHealthReport {
  status: HealthStatus;
  /** Sentences saying what makes the status degraded or down; empty when ok. */
  problems: string[];
  checkedAt: string;
  processes: ProcessStatus[];
  postgres: { reachable: boolean; version: string | null; connections: number | null; maxConnections: number | null };
  rabbitmq: { reachable: boolean };
  queues: QueueDepth[];
  outbox: ({ service: ServiceName } & OutboxBacklogView)[];
  /** Emails waiting (from the notification service); `known` false and nulls when it did not answer. */
  deliveries: { known: boolean } & { [K in keyof DeliveryBacklogView]: DeliveryBacklogView[K] | null };
}

/**
 * GET /api/v1/system/health: asks every back-end service for its report (in parallel, each with a short
 * timeout), checks the depth of every declared queue on the gateway's own broker connection, and sums it
 * up as ok / degraded / down with the reasons.
 */
@Injectable()
export class SystemHealthCheck {
  constructor(
    private readonly env: GatewayEnv,
    private readonly names: AmqpNames,
    private readonly broker: BrokerConnection,
    private readonly rpc: RpcClient,
  ) {}

  async report(actor: Actor): Promise<SystemHealthReport> {
    const [reports, queues, backlog] = await Promise.all([
      Promise.all(SERVICE_NAMES.map((service) => this.processReport(service, actor))),
      this.queueDepths(),
      this.rpc
        .call(NOTIFICATION_PATTERNS.DELIVERY_BACKLOG, { actor }, { timeoutMs: HEALTH_RPC_TIMEOUT_MS })
        .catch(() => null),
    ]);
    const gateway = processInfo();
    const processes: ProcessStatus[] = [
      { name: 'gateway', up: true, ...gateway, replicaId: this.env.REPLICA_ID, error: null },
      ...reports.map(({ service, report, error }) => ({
        name: service,
        up: report !== null,
        version: report?.version ?? null,
        replicaId: report?.replicaId ?? null,
        startedAt: report?.startedAt ?? null,
        uptimeSeconds: report?.uptimeSeconds ?? null,
        error,
      })),
    ];
    const answered = reports.flatMap(({ report }) => (report ? [report] : []));
    const database = answered.find((report) => report.database.reachable)?.database;
    const postgres = database ?? { reachable: false, version: null, connections: null, maxConnections: null };
    const outbox = answered.map((report) => ({ service: report.service as ServiceName, ...report.outbox }));
    const deliveries = backlog
      ? { known: true, ...backlog }
      : { known: false, queued: null, retrying: null, oldestWaitingSince: null };
    const rabbitmq = { reachable: queues !== null };
    const { status, problems } = summarise({ processes, postgres, rabbitmq, queues: queues ?? [], outbox });
    return {
      status,
      problems,
      checkedAt: new Date().toISOString(),
      processes,
      postgres,
      rabbitmq,
      queues: queues ?? [],
      outbox,
      deliveries,
    };
  }

  private async processReport(
    service: ServiceName,
    actor: Actor,
  ): Promise<{ service: ServiceName; report: ProcessHealthView | null; error: string | null }> {
    try {
      const report = await this.rpc.call(
        SYSTEM_HEALTH_PATTERNS[service],
        { actor },
        { timeoutMs: HEALTH_RPC_TIMEOUT_MS },
      );
      return { service, report, error: null };
    } catch (error) {
      return { service, report: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** null when RabbitMQ cannot be reached at all. */
  private async queueDepths(): Promise<QueueDepth[] | null> {
    const retry = {
      maxAttempts: this.env.MESSAGE_MAX_ATTEMPTS,
      baseDelayMs: this.env.MESSAGE_RETRY_BASE_MS,
      maxDelayMs: this.env.MESSAGE_RETRY_MAX_MS,
    };
    try {
      return await checkQueueDepths(await this.broker.connect(), declaredQueues(this.names, retry));
    } catch {
      return null;
    }
  }
}

/**
 * down: RabbitMQ or PostgreSQL unreachable, or a process not answering (nothing works end to end).
 * degraded: everything answers but something needs an operator: messages in a dead-letter queue, a queue
 * missing, an outbox that is not draining.
 */
export function summarise(parts: {
  processes: ProcessStatus[];
  postgres: { reachable: boolean };
  rabbitmq: { reachable: boolean };
  queues: QueueDepth[];
  outbox: ({ service: ServiceName } & OutboxBacklogView)[];
}): { status: HealthStatus; problems: string[] } {
  const down: string[] = [];
  if (!parts.rabbitmq.reachable) down.push('RabbitMQ cannot be reached.');
  if (!parts.postgres.reachable) down.push('PostgreSQL cannot be reached by any service.');
  for (const process of parts.processes) {
    if (!process.up) down.push(`The ${process.name} service does not answer.`);
  }
  const degraded: string[] = [];
  for (const queue of parts.queues) {
    if (!queue.present) degraded.push(`Queue ${queue.name} is missing.`);
    else if (queue.role === 'dead-letter' && (queue.ready ?? 0) > 0) {
      degraded.push(`${queue.ready} message${queue.ready === 1 ? '' : 's'} in the dead-letter queue ${queue.name}.`);
    }
  }
  const now = Date.now();
  for (const outbox of parts.outbox) {
    if (outbox.oldestUnsentAt && now - Date.parse(outbox.oldestUnsentAt) > OUTBOX_STALE_MS) {
      degraded.push(`The ${outbox.service} outbox has events unsent for over a minute.`);
    }
  }
  if (down.length > 0) return { status: 'down', problems: [...down, ...degraded] };
  return { status: degraded.length > 0 ? 'degraded' : 'ok', problems: degraded };
}
