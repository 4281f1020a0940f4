import * as amqp from 'amqplib';
import type { ChannelModel, ConfirmChannel } from 'amqplib';

/**
 * One raw amqplib connection per process (TCP no-delay on), for what Nest's RMQ transport does not do:
 * declaring the topology, publishing outbox events with publisher confirms, and the readiness check.
 * A lost connection is made again at once (back-off 0.5 s doubling to 5 s) — not only on next use: a
 * service that publishes nothing for a while must still declare its bindings again on a broker that
 * restarted without them, or events for it are unroutable.
 */
export class BrokerConnection {
  private connection: ChannelModel | null = null;
  private connecting: Promise<ChannelModel> | null = null;
  private closed = false;
  private readonly onConnectHooks: ((connection: ChannelModel) => Promise<void>)[] = [];
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly reconnectDelayMs = 500,
  ) {}

  /**
   * Runs `hook` on every (re)connection before the connection is used, e.g. to declare the topology again:
   * a broker that restarted without its definitions gets its exchanges, queues and bindings back.
   */
  onConnect(hook: (connection: ChannelModel) => Promise<void>): void {
    this.onConnectHooks.push(hook);
  }

  async connect(): Promise<ChannelModel> {
    if (this.connection) return this.connection;
    if (!this.connecting) {
      this.connecting = amqp
        .connect(this.url, { noDelay: true })
        .then(async (connection) => {
          connection.on('close', () => this.lost(connection));
          connection.on('error', () => this.lost(connection));
          try {
            for (const hook of this.onConnectHooks) await hook(connection);
            if (this.closed) throw new Error('Broker connection is closed');
          } catch (error) {
            await connection.close().catch(() => undefined);
            throw error;
          }
          this.connection = connection;
          return connection;
        })
        .finally(() => {
          this.connecting = null;
        });
    }
    return this.connecting;
  }

  private lost(connection: ChannelModel): void {
    if (this.connection === connection) this.connection = null;
    this.scheduleReconnect(0);
  }

  private scheduleReconnect(attempt: number): void {
    if (this.closed || this.reconnectTimer || this.onConnectHooks.length === 0) return;
    const delay = Math.min(5_000, this.reconnectDelayMs * 2 ** attempt);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed || this.connection) return;
      this.connect().catch(() => this.scheduleReconnect(attempt + 1));
    }, delay);
    this.reconnectTimer.unref();
  }

  async confirmChannel(): Promise<ConfirmChannel> {
    if (this.closed) throw new Error('Broker connection is closed');
    const connection = await this.connect();
    return connection.createConfirmChannel();
  }

  async isHealthy(): Promise<boolean> {
    if (this.closed) return false;
    try {
      const channel = await (await this.connect()).createChannel();
      await channel.close();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.close().catch(() => undefined);
  }
}
