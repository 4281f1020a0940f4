import { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';

export interface GracefulHttpShutdownOptions {
  /** How long requests under way may take to finish; the connections still open then are cut. */
  drainTimeoutMs?: number;
  /** A stop that takes longer in all is cut short with exit 1. */
  shutdownTimeoutMs?: number;
  logger: LoggerService;
}

/**
 * SIGTERM/SIGINT for a process whose work is HTTP requests (the gateway): stop accepting connections at
 * once, let the requests under way finish (at most drainTimeoutMs; idle keep-alive connections are closed
 * as soon as their request is answered), then close the app (RPC client, broker, pools) and exit 0. A stop
 * that hangs is cut short with exit 1 after shutdownTimeoutMs. Nest's own shutdown hooks would close the
 * app but end the process by re-raising the signal (no exit 0) and without a bound.
 */
export function gracefulHttpShutdown(app: INestApplication, options: GracefulHttpShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      options.logger.error(`shutdown took longer than ${options.shutdownTimeoutMs ?? 30_000} ms; exiting`);
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 30_000).unref();
    options.logger.log(`${signal}: no new connections; finishing the requests under way`);
    stopHttp(app.getHttpServer() as Server, options.drainTimeoutMs ?? 10_000, options.logger)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: Error) => {
          options.logger.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

/** Resolves once every connection has ended (or, after timeoutMs, has been cut). */
function stopHttp(server: Server, timeoutMs: number, logger: LoggerService): Promise<void> {
  return new Promise((resolve) => {
    // A keep-alive connection becomes idle once its request is answered: close such connections as they appear.
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      logger.warn(`requests still under way after ${timeoutMs} ms; closing their connections`);
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(cut);
      resolve();
    });
  });
}
