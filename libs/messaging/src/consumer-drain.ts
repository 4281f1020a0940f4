import { Logger } from '@nestjs/common';

/** What the drain needs of a Nest microservice: its RMQ server's channel (amqp-connection-manager). */
interface RmqServerLike {
  serverInstance?: { channel?: { cancelAll?: () => Promise<unknown> } | null };
}

/**
 * The first step of a graceful stop (SIGTERM): stop taking messages (basic.cancel on every consumer, the
 * channels stay open), then wait — at most `timeoutMs` — for the handlers under way to finish and settle
 * their messages. What is still unsettled after that is redelivered to another replica (the inbox makes
 * that harmless). Nest closes the channels afterwards.
 */
export class ConsumerDrain {
  private readonly logger = new Logger('ConsumerDrain');
  private servers: RmqServerLike[] = [];
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(private readonly timeoutMs = 10_000) {}

  attach(servers: unknown[]): void {
    this.servers = servers as RmqServerLike[];
  }

  started(): void {
    this.inFlight++;
  }

  settled(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) this.idle?.();
  }

  async drain(): Promise<void> {
    await Promise.all(
      this.servers.map((server) => server.serverInstance?.channel?.cancelAll?.().catch(() => undefined)),
    );
    if (this.inFlight === 0) return;
    this.logger.log(`waiting for ${this.inFlight} message handler(s) to finish`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(
          `${this.inFlight} handler(s) still running after ${this.timeoutMs} ms; they will be redelivered`,
        );
        resolve();
      }, this.timeoutMs);
      this.idle = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
