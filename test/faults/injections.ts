import { ProcessName, queryTestDb, testAmqpUrl } from '@gatehouse/testing';
import * as amqp from 'amqplib';
import { FaultRun } from './fault-run';
import { namespaceQueues, rabbitmqctl, restartPostgres } from './shared-services';

/**
 * What the fault suite does to a running system, and the moments it does it at. Each injection returns a
 * few words for the table's "injected" line: what was done and where the run stood.
 */

/** When a `fraction` of the emails are out. */
export const whenEmailsFlow = (fraction: number) => (run: FaultRun) =>
  run.waitUntil(
    () => run.system.sink.messages.length,
    Math.ceil(run.expectedRecipients.length * fraction),
    `${fraction} of the emails`,
  );

/** While the job decides: a `fraction` of its new addresses have an invite. */
export const whenDeciding = (fraction: number) => (run: FaultRun) =>
  run.waitUntil(
    () => run.invitesCreated(),
    Math.ceil(run.unregistered.length * fraction),
    `${fraction} of the invites created`,
  );

/** Where the run stood when the fault struck. */
export async function progress(run: FaultRun): Promise<string> {
  return `at ${run.system.sink.messages.length} emails, ${await run.invitesCreated()} invites, ${await run.decidedRows()} rows decided`;
}

/** Ends a process with `signal` and starts it again; a SIGTERM must end it with exit code 0. */
export async function crash(run: FaultRun, name: ProcessName, signal: NodeJS.Signals): Promise<string> {
  const where = await progress(run);
  const code = await run.system.stopProcess(name, signal);
  if (signal === 'SIGTERM' && code !== 0) throw new Error(`${name} exited with ${code} after SIGTERM, not 0`);
  await run.system.restartProcess(name);
  return `${name} ${signal} ${where}, exit ${code}`;
}

/** Terminates every connection the services hold to this test's database (never another database's). */
export async function terminateConnections(): Promise<number> {
  const rows = await queryTestDb<{ pid: number }>(
    `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return rows.length;
}

export async function restartPostgresAt(run: FaultRun): Promise<string> {
  const where = await progress(run);
  const started = Date.now();
  await restartPostgres();
  return `PostgreSQL restarted ${where}; down ${Date.now() - started} ms`;
}

export async function stopRabbitFor(run: FaultRun, ms: number): Promise<string> {
  const where = await progress(run);
  await rabbitmqctl('stop_app');
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    await rabbitmqctl('start_app');
  }
  return `broker stopped ${ms / 1000} s ${where}`;
}

/**
 * A broker that lost its definitions (a node rebuilt, its data directory lost): every queue of the
 * installation — with the messages in it — and its exchanges are deleted while the system runs, then the
 * broker restarts (stop_app/start_app), so every service reconnects to a broker that knows nothing of it.
 */
export async function loseDefinitions(run: FaultRun): Promise<string> {
  const where = await progress(run);
  const namespace = run.system.namespace;
  const queues = await namespaceQueues(namespace);
  let messages = 0;
  const connection = await amqp.connect(testAmqpUrl());
  try {
    const channel = await connection.createChannel();
    for (const queue of queues) messages += (await channel.deleteQueue(queue)).messageCount;
    for (const exchange of ['events', 'dead-letter', 'hub.declared', 'invite.declared', 'notification.declared']) {
      await channel.deleteExchange(`${namespace}.${exchange}`);
    }
    await channel.close();
  } finally {
    await connection.close();
  }
  const restart = await stopRabbitFor(run, 2_000);
  return `${queues.length} queues deleted with ${messages} messages in them ${where}; ${restart.split(' at ')[0]}`;
}

/** The events each service consumes (one of its patterns), to aim a malformed event at its queue. */
const CONSUMED: Record<string, string> = {
  hub: 'invite.invite.created',
  invite: 'hub.member.changed',
  notification: 'invite.invite.created',
};

/**
 * A poison message on every Gatehouse queue: on each events queue an event of a pattern the service
 * consumes whose envelope is garbage, on each RPC queue bytes that are not even JSON.
 */
export async function poisonEveryQueue(run: FaultRun): Promise<string> {
  const where = await progress(run);
  const namespace = run.system.namespace;
  const connection = await amqp.connect(testAmqpUrl());
  try {
    const channel = await connection.createConfirmChannel();
    for (const [service, pattern] of Object.entries(CONSUMED)) {
      const garbage = { pattern, data: { id: 'not-a-uuid', payload: 'garbage' } };
      channel.sendToQueue(`${namespace}.${service}.events`, Buffer.from(JSON.stringify(garbage)), { persistent: true });
      channel.sendToQueue(`${namespace}.${service}.rpc`, Buffer.from('\u0000not json {'), { persistent: true });
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
  return `6 poison messages published ${where}`;
}

/** Queue names (without the namespace) of the dead letters poisonEveryQueue leaves, one each. */
export const POISONED_DEAD_LETTERS = Object.fromEntries(
  Object.keys(CONSUMED).flatMap((service) => [
    [`${service}.events.dead`, 1],
    [`${service}.rpc.dead`, 1],
  ]),
);
