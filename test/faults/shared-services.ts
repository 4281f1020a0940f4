import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/**
 * The machine's own RabbitMQ and PostgreSQL, which the fault suite stops and restarts (and which other
 * test runs on the machine share: keep each outage short). `restoreSharedServices` starts whatever is
 * stopped; the suite calls it after every case, passed or failed.
 */
export function rabbitmqctl(...args: string[]): string {
  return execFileSync('rabbitmqctl', args, { encoding: 'utf8', timeout: 60_000 });
}

/** The local cluster as /work/.library/env names it: `pg_ctlcluster <version> main`. */
function pgctl(action: 'start' | 'stop' | 'status', ...extra: string[]) {
  const version = readdirSync('/etc/postgresql')[0];
  return spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...extra], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const postgresRunning = () => pgctl('status').status === 0;

/** Stops PostgreSQL (fast: open connections are ended) and starts it again; always started again. */
export function restartPostgres(): void {
  const stopped = pgctl('stop', '-m', 'fast');
  const started = pgctl('start');
  if (!postgresRunning()) throw new Error(`PostgreSQL did not start again: ${started.stderr}`);
  if (stopped.status !== 0) throw new Error(`pg_ctlcluster stop failed: ${stopped.stderr}`);
}

/** Starts RabbitMQ's app and PostgreSQL if a case left either stopped. */
export function restoreSharedServices(): void {
  try {
    rabbitmqctl('start_app');
  } catch (error) {
    process.stderr.write(`rabbitmqctl start_app failed: ${(error as Error).message}\n`);
  }
  if (!postgresRunning()) {
    const started = pgctl('start');
    if (started.status !== 0) process.stderr.write(`PostgreSQL did not start: ${started.stderr}\n`);
  }
}

/** Every queue of one namespace (work, retry, dead-letter, events.unconsumed), as the broker lists them. */
export function namespaceQueues(namespace: string): string[] {
  return rabbitmqctl('list_queues', '-q', '--no-table-headers', 'name')
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => name.startsWith(`${namespace}.`));
}
