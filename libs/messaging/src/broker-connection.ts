import * as amqp from 'amqplib';
import type { ChannelModel, ConfirmChannel } from 'amqplib';

/**
 * One raw amqplib connection per process (TCP no-delay on), for what Nest's RMQ transport does not do:
 * declaring the topology, publishing outbox events with publisher confirms, and the readiness check.
 * Reconnects lazily: a lost connection is replaced on next use.
 */
export class BrokerConnection {
  private connection: ChannelModel | null = null;
  private connecting: Promise<ChannelModel> | null = null;
  private closed = false;
  private readonly onConnectHooks: ((connection: ChannelModel) => Promise<void>)[] = [];

  constructor(private readonly url: string) {}

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
          connection.on('close', () => {
            this.connection = null;
          });
          connection.on('error', () => {
            this.connection = null;
          });
          try {
            for (const hook of this.onConnectHooks) await hook(connection);
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
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.close().catch(() => undefined);
  }
}
