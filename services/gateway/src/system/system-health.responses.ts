import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { SERVICE_NAMES } from '@gatehouse/contracts';
import type { QueueDepth, QueueRole } from '@gatehouse/messaging';
import type { HealthStatus, ProcessStatus, SystemHealthReport } from './system-health-check';

const HEALTH_STATUSES: HealthStatus[] = ['ok', 'degraded', 'down'];
const QUEUE_ROLES: QueueRole[] = ['rpc', 'events', 'dead-letter', 'retry'];
const PROCESS_NAMES = ['gateway', ...SERVICE_NAMES];

export class ProcessHealth implements ProcessStatus {
  @ApiProperty({ enum: PROCESS_NAMES, enumName: 'ProcessName' })
  name!: ProcessStatus['name'];

  @ApiProperty({ description: 'It answered the health request within 2 s.' })
  up!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '0.1.0' })
  version!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'REPLICA_ID of the replica that answered.' })
  replicaId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  uptimeSeconds!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it counts as down.' })
  error!: string | null;
}

export class PostgresHealth {
  @ApiProperty({ description: 'At least one service reached it.' })
  reachable!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '16.4' })
  version!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Connections to the database now.' })
  connections!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  maxConnections!: number | null;
}

export class RabbitMqHealth {
  @ApiProperty()
  reachable!: boolean;
}

export class QueueHealth implements QueueDepth {
  @ApiProperty({ example: 'gatehouse.notification.events.dead' })
  name!: string;

  @ApiProperty({ enum: SERVICE_NAMES, enumName: 'ServiceName' })
  service!: QueueDepth['service'];

  @ApiProperty({ enum: QUEUE_ROLES, enumName: 'QueueRole' })
  role!: QueueRole;

  @ApiProperty({ description: 'The work queue this queue serves (itself for rpc/events).' })
  workQueue!: string;

  @ApiProperty({ description: 'False: the broker does not have it.' })
  present!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Messages ready (not counting unacked ones).' })
  ready!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  consumers!: number | null;
}

export class OutboxHealth {
  @ApiProperty({ enum: SERVICE_NAMES, enumName: 'ServiceName' })
  service!: QueueDepth['service'];

  @ApiProperty({ type: 'integer', nullable: true, description: 'Events not yet published; null when unknown.' })
  unsent!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldestUnsentAt!: string | null;
}

export class DeliveriesWaiting {
  @ApiProperty({ description: 'False when the notification service did not answer (the counts are null).' })
  known!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Not tried yet, or being sent.' })
  queued!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Waiting for another attempt.' })
  retrying!: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldestWaitingSince!: string | null;
}

@ApiSchema({ name: 'SystemHealth' })
export class SystemHealthResponse implements SystemHealthReport {
  @ApiProperty({
    enum: HEALTH_STATUSES,
    enumName: 'HealthStatus',
    description:
      'down: RabbitMQ or PostgreSQL unreachable, or a process not answering; degraded: dead letters, a missing ' +
      'queue or an outbox not draining; ok otherwise.',
  })
  status!: HealthStatus;

  @ApiProperty({ type: [String], description: 'What makes it degraded or down, in words.' })
  problems!: string[];

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [ProcessHealth] })
  processes!: ProcessHealth[];

  @ApiProperty({ type: PostgresHealth })
  postgres!: PostgresHealth;

  @ApiProperty({ type: RabbitMqHealth })
  rabbitmq!: RabbitMqHealth;

  @ApiProperty({ type: [QueueHealth], description: 'Every queue the installation declares.' })
  queues!: QueueHealth[];

  @ApiProperty({ type: [OutboxHealth], description: 'One per service that answered.' })
  outbox!: OutboxHealth[];

  @ApiProperty({ type: DeliveriesWaiting })
  deliveries!: DeliveriesWaiting;
}
