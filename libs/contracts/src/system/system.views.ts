/** PostgreSQL as one service sees it through its own pool. */
export interface DatabaseHealthView {
  reachable: boolean;
  /** `server_version`, e.g. "16.4"; null when unreachable. */
  version: string | null;
  /** Connections to this database now (pg_stat_activity), and the server's max_connections. */
  connections: number | null;
  maxConnections: number | null;
}

/** Events written to a service's outbox and not yet published to RabbitMQ. */
export interface OutboxBacklogView {
  /** null when the database cannot be reached. */
  unsent: number | null;
  oldestUnsentAt: string | null;
}

/** One back-end process's answer to `<service>.system.health`. */
export interface ProcessHealthView {
  service: string;
  version: string;
  replicaId: string;
  startedAt: string;
  uptimeSeconds: number;
  database: DatabaseHealthView;
  outbox: OutboxBacklogView;
}
