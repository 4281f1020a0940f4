import type { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';

interface PgPool extends EventEmitter {
  _clients?: EventEmitter[];
}

/**
 * Gives every pooled pg client a lasting 'error' listener. When PostgreSQL terminates a connection that a
 * TypeORM query runner holds, the client can emit 'error' twice (the server's message, then the socket's
 * end); TypeORM listens only for the first, and an unheard 'error' event kills the process. With this the
 * second is logged, the broken client is dropped by the pool, and the work fails with a transient error
 * that is retried (docs/operations.md).
 */
export function guardPoolClients(dataSource: DataSource, log: (message: string) => void): void {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return;
  const guard = (client: EventEmitter) => {
    client.on('error', (error: Error) => log(`database connection lost: ${error.message}`));
  };
  for (const client of pool._clients ?? []) guard(client);
  pool.on('connect', guard);
}
