import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The machine's own RabbitMQ and PostgreSQL, which the fault suite stops and restarts (and which other
 * test runs on the machine share: keep each outage short). `restoreSharedServices` starts whatever is
 * stopped; the suite calls it after every case, passed or failed.
 *
 * Every command runs asynchronously: the test process holds the SMTP sink and the HTTP client's pooled
 * connections, and a synchronous child process would freeze them for the whole outage. (It did: a 4 s
 * `spawnSync` of pg_ctlcluster let the gateway close an idle keep-alive connection unseen, and the next
 * request went out on the dead socket.)
 */
export async function rabbitmqctl(...args: string[]): Promise<string> {
  return (await run('rabbitmqctl', args, { encoding: 'utf8', timeout: 60_000 })).stdout;
}

interface CommandResult {
  ok: boolean;
  stderr: string;
}

/** The local cluster as /work/.library/env names it: `pg_ctlcluster <version> main`. */
async function pgctl(action: 'start' | 'stop' | 'status', ...extra: string[]): Promise<CommandResult> {
  const version = readdirSync('/etc/postgresql')[0];
  try {
    const { stderr } = await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', action, ...extra], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { ok: true, stderr };
  } catch (error) {
    return { ok: false, stderr: (error as { stderr?: string }).stderr ?? (error as Error).message };
  }
}

const postgresRunning = async () => (await pgctl('status')).ok;

/** Stops PostgreSQL (fast: open connections are ended) and starts it again; always started again. */
export async function restartPostgres(): Promise<void> {
  const stopped = await pgctl('stop', '-m', 'fast');
  const started = await pgctl('start');
  if (!(await postgresRunning())) throw new Error(`PostgreSQL did not start again: ${started.stderr}`);
  if (!stopped.ok) throw new Error(`pg_ctlcluster stop failed: ${stopped.stderr}`);
}

/** Starts RabbitMQ's app and PostgreSQL if a case left either stopped. */
export async function restoreSharedServices(): Promise<void> {
  try {
    await rabbitmqctl('start_app');
  } catch (error) {
    process.stderr.write(`rabbitmqctl start_app failed: ${(error as Error).message}\n`);
  }
  if (!(await postgresRunning())) {
    const started = await pgctl('start');
    if (!started.ok) process.stderr.write(`PostgreSQL did not start: ${started.stderr}\n`);
  }
}

/** Every queue of one namespace (work, retry, dead-letter, events.unconsumed), as the broker lists them. */
export async function namespaceQueues(namespace: string): Promise<string[]> {
  return (await rabbitmqctl('list_queues', '-q', '--no-table-headers', 'name'))
    .split('\n')
    .map((line) => line.trim())
    .filter((name) => name.startsWith(`${namespace}.`));
}
