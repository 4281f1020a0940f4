import { Logger } from '@nestjs/common';
import type { ConfirmChannel, Message } from 'amqplib';
import { Client } from 'pg';
import { Counter, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { EventEnvelope } from '@gatehouse/contracts';
import { WorkerLoop } from '@gatehouse/worker-loop';
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
  /** Longest wait for the broker's confirms while the batch's rows are locked; then the batch is retried. */
  confirmTimeoutMs?: number;
  /** Wait before the LISTEN connection is opened again after it was lost (doubling up to 30 s). */
  listenRetryMs?: number;
  /** On stop, how long publishing what is pending may take. */
  flushTimeoutMs?: number;
  /** First wait before an event the broker returned as unroutable is published again (doubling up to 30 s). */
  unroutableRetryMs?: number;
}

/** An event the broker returned as unroutable: left unsent, and not picked again before `until`. */
interface HeldBack {
  until: number;
  attempt: number;
}

/**
 * Publishes committed outbox rows to the events exchange (routing key = event name), waits for the
 * broker's publisher confirms, then marks them sent. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several replicas share the work; a crash before marking means the batch is published again, which
 * consumers absorb through their inbox (at-least-once, never lost).
 *
 * Events are published `mandatory`: one that no queue is bound for (a broker that lost its bindings, a
 * consumer not declared yet) comes back as a basic.return, stays unsent, is counted
 * (gatehouse_outbox_unroutable_total) and is tried again after a back-off — it is never marked sent.
 * Events that no service consumes by design are bound to the events.unconsumed queue (assertTopology).
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private channel: ConfirmChannel | null = null;
  private listener: Client | null = null;
  /** Relays what is pending, woken by the LISTEN connection's notifications, else every pollIntervalMs. */
  private readonly loop: WorkerLoop;
  private starting: Promise<void> | null = null;
  private listenRetry: NodeJS.Timeout | null = null;
  private listenerReady = false;
  private readonly heldBack = new Map<string, HeldBack>();
  private unroutable: Counter<'event'> | null = null;
  /** How far back replayRecent reaches (OUTBOX_REPLAY_WINDOW_MS). */
  replayWindowMs = 30 * 60_000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseUrl: string,
    private readonly schema: string,
    private readonly broker: BrokerConnection,
    private readonly names: AmqpNames,
    private readonly options: OutboxRelayOptions = {},
  ) {
    const pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.loop = new WorkerLoop({
      name: 'outbox relay',
      pollIntervalMs,
      errorBackoff: { baseMs: pollIntervalMs, maxMs: Math.max(pollIntervalMs, 5000) },
      logger: this.logger,
      runRound: async () => {
        try {
          await this.relayPending();
        } catch (error) {
          await this.channel?.close().catch(() => undefined);
          this.channel = null;
          throw error;
        }
      },
    });
  }

  /** Counts unroutable (returned) events in this registry: gatehouse_outbox_unroutable_total{event}. */
  useMetrics(registry: Registry): void {
    this.unroutable = new Counter({
      name: 'gatehouse_outbox_unroutable_total',
      help: 'Outbox events the broker returned as unroutable (no queue bound); left unsent and published again',
      labelNames: ['event'],
      registers: [registry],
    });
  }

  /**
   * Marks the events sent in the last `windowMs` unsent again, so they are published once more: after the
   * broker lost its definitions, the messages that were in its queues are gone with them. Consumers' inboxes
   * make the copies that had been handled already a no-op. Returns how many rows were marked.
   */
  async replaySentSince(windowMs: number): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE "${this.schema}".outbox SET sent_at = NULL WHERE sent_at > now() - $1 * interval '1 millisecond'`,
      [windowMs],
    )) as [unknown, number];
    if (count > 0) this.wake();
    return count;
  }

  /** replaySentSince(replayWindowMs), logged: after the broker lost its definitions (DEFINITIONS_RESTORED_EVENT). */
  async replayRecent(): Promise<number> {
    const count = await this.replaySentSince(this.replayWindowMs);
    this.logger.warn(
      `the broker lost its definitions: ${count} outbox event(s) of the last ${this.replayWindowMs} ms published again`,
    );
    return count;
  }

  /** Opens the LISTEN connection (the service does not start without it), then starts relaying. Once. */
  start(): Promise<void> {
    this.starting ??= this.listen().then(
      () => void this.loop.start(),
      (error: unknown) => {
        this.starting = null; // may be tried again
        throw error;
      },
    );
    return this.starting;
  }

  /** Publishes what is pending (bounded by flushTimeoutMs), then stops. */
  async stop(): Promise<void> {
    const wasRunning = this.loop.running;
    await this.loop.stop();
    if (this.listenRetry) clearTimeout(this.listenRetry);
    if (wasRunning) {
      await withTimeout(this.relayPending(), this.options.flushTimeoutMs ?? 5000, 'flushing the outbox').catch(
        (error: Error) => this.logger.warn(`outbox not flushed on stop: ${error.message}`),
      );
    }
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.channel?.close().catch(() => undefined);
    this.channel = null;
  }

  /**
   * Opens the LISTEN connection. When it is lost (PostgreSQL restarted, the connection terminated) it is
   * opened again with back-off, and the relay looks for rows at once (it missed their notifications); the
   * poll covers the gap meanwhile.
   */
  private async listen(attempt = 0): Promise<void> {
    const listener = new Client({ connectionString: this.databaseUrl });
    this.listener = listener;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost || this.loop.stopping || this.listener !== listener) return;
      lost = true;
      this.listenerReady = false;
      this.logger.warn(`outbox listener lost${error ? `: ${error.message}` : ''}; reconnecting`);
      listener.end().catch(() => undefined);
      this.scheduleListen(0);
    };
    listener.on('notification', () => this.wake());
    listener.on('error', onLost);
    listener.on('end', () => onLost());
    try {
      await listener.connect();
      await listener.query(`LISTEN "${outboxChannel(this.schema)}"`);
      this.listenerReady = !lost;
      if (attempt > 0) this.logger.log('outbox listener reconnected');
      this.wake();
    } catch (error) {
      if (attempt === 0) throw error; // at boot: the service does not start without it
      lost = true;
      listener.end().catch(() => undefined);
      this.scheduleListen(attempt + 1);
    }
  }

  private scheduleListen(attempt: number): void {
    if (this.loop.stopping) return;
    const delay = Math.min(30_000, (this.options.listenRetryMs ?? 500) * 2 ** attempt);
    this.listenRetry = setTimeout(() => {
      this.listenRetry = null;
      if (!this.loop.stopping) void this.listen(attempt + 1);
    }, delay);
    this.listenRetry.unref();
  }

  /** True while the LISTEN connection is up (for tests and health). */
  get listening(): boolean {
    return this.listenerReady;
  }

  wake(): void {
    this.loop.wake();
  }

  /** Publishes everything pending now; returns how many events went out. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const { picked, sent } = await this.relayBatch();
      total += sent;
      if (picked === 0) return total;
    }
  }

  /** One batch: how many rows it picked, and how many of them the broker took (the rest were returned). */
  private async relayBatch(): Promise<{ picked: number; sent: number }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const rows: OutboxRow[] = await runner.query(
        `SELECT id, event_name, payload, correlation_id, created_at FROM "${this.schema}".outbox
         WHERE sent_at IS NULL AND NOT (id = ANY($2::uuid[]))
         ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 500, this.heldBackIds()],
      );
      if (rows.length === 0) {
        await runner.commitTransaction();
        return { picked: 0, sent: 0 };
      }
      const returned = await this.publish(rows);
      const sent = rows.filter((row) => !returned.has(row.id));
      await runner.query(`UPDATE "${this.schema}".outbox SET sent_at = now() WHERE id = ANY($1::uuid[])`, [
        sent.map((row) => row.id),
      ]);
      await runner.commitTransaction();
      for (const row of sent) this.heldBack.delete(row.id);
      for (const row of rows) if (returned.has(row.id)) this.holdBack(row);
      return { picked: rows.length, sent: sent.length };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Ids of returned events whose back-off has not run out yet (the others may be picked again). */
  private heldBackIds(): string[] {
    const now = Date.now();
    const ids: string[] = [];
    for (const [id, held] of this.heldBack) {
      if (held.until > now) ids.push(id);
      // Long due and not picked again: another replica sent it (or it was pruned); forget it.
      else if (now - held.until > 10 * 60_000) this.heldBack.delete(id);
    }
    return ids;
  }

  private holdBack(row: OutboxRow): void {
    const attempt = (this.heldBack.get(row.id)?.attempt ?? 0) + 1;
    const delay = Math.min(30_000, (this.options.unroutableRetryMs ?? 1000) * 2 ** (attempt - 1));
    this.heldBack.set(row.id, { until: Date.now() + delay, attempt });
    this.unroutable?.inc({ event: row.event_name });
    this.logger.warn(
      `event ${row.event_name} ${row.id} is unroutable (no queue bound; attempt ${attempt}); left unsent, ` +
        `publishing it again in ${delay} ms`,
    );
  }

  /** Publishes the rows mandatory and waits for the confirms; returns the ids the broker returned. */
  private async publish(rows: OutboxRow[]): Promise<Set<string>> {
    const channel = await this.confirmChannel();
    const returned = new Set<string>();
    // The broker sends basic.return before the confirm of the same message, so every return of this
    // batch has arrived once waitForConfirms resolves.
    const onReturn = (message: Message) => returned.add(String(message.properties.messageId));
    channel.on('return', onReturn);
    try {
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
          mandatory: true,
          messageId: row.id,
          contentType: 'application/json',
          headers: { [CORRELATION_HEADER]: row.correlation_id ?? '' },
        });
      }
      // Bounded: the rows stay locked meanwhile. A timeout rolls the batch back (it is published again; the
      // consumers' inbox absorbs a copy the broker did take).
      await withTimeout(channel.waitForConfirms(), this.options.confirmTimeoutMs ?? 10_000, "the broker's confirms");
    } finally {
      channel.off('return', onReturn);
    }
    return returned;
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

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
