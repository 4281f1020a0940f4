import { Logger } from '@nestjs/common';
import type { ConfirmChannel } from 'amqplib';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { EventEnvelope } from '@gatehouse/contracts';
import { BrokerConnection } from '../broker-connection';
import { CORRELATION_HEADER } from '../correlation';
import { AmqpNames } from '../topology';
import { outboxChannel } from './outbox-schema';

interface OutboxRow {
  id: string;
  event_name: string;
  payload: object;
  correlation_id: string | null;
  created_at: Date;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Safety net besides LISTEN/NOTIFY, e.g. for rows left by a relay that died. */
  pollIntervalMs?: number;
}

/**
 * Publishes committed outbox rows to the events exchange (routing key = event name), waits for the
 * broker's publisher confirms, then marks them sent. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several replicas share the work; a crash before marking means the batch is published again, which
 * consumers absorb through their inbox (at-least-once, never lost).
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private channel: ConfirmChannel | null = null;
  private listener: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private pendingWake = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly schema: string,
    private readonly broker: BrokerConnection,
    private readonly names: AmqpNames,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.listener = new Client({ connectionString: this.databaseUrl });
    await this.listener.connect();
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    await this.listener.query(`LISTEN "${outboxChannel(this.schema)}"`);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    await this.channel?.close().catch(() => undefined);
    this.channel = null;
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  /** Publishes everything pending now; returns how many events went out. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        this.pendingWake = false;
        await this.relayPending();
      } catch (error) {
        this.logger.error(`relay failed, will retry: ${(error as Error).message}`);
        await this.channel?.close().catch(() => undefined);
        this.channel = null;
      }
      if (!this.running) break;
      if (!this.pendingWake) await this.sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  private async relayBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, event_name, payload, correlation_id, created_at FROM "${this.schema}".outbox
         WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        return 0;
      }
      await this.publish(rows);
      await runner.query(`UPDATE "${this.schema}".outbox SET sent_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const channel = await this.confirmChannel();
    for (const row of rows) {
      const envelope: EventEnvelope = {
        id: row.id,
        name: row.event_name,
        occurredAt: new Date(row.created_at).toISOString(),
        correlationId: row.correlation_id,
        payload: row.payload,
      };
      // Nest's RMQ packet shape: a message without `id` is an event, routed to @EventPattern(pattern).
      const body = Buffer.from(JSON.stringify({ pattern: row.event_name, data: envelope }));
      channel.publish(this.names.eventsExchange, row.event_name, body, {
        persistent: true,
        messageId: row.id,
        contentType: 'application/json',
        headers: { [CORRELATION_HEADER]: row.correlation_id ?? '' },
      });
    }
    await channel.waitForConfirms();
  }

  private async confirmChannel(): Promise<ConfirmChannel> {
    if (!this.channel) {
      const channel = await this.broker.confirmChannel();
      channel.on('close', () => {
        if (this.channel === channel) this.channel = null;
      });
      channel.on('error', () => undefined);
      this.channel = channel;
    }
    return this.channel;
  }
}
