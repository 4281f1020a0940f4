import { ProcessName } from '@gatehouse/processes';
import { queryTestDb } from '@gatehouse/testing';
import { execFileSync } from 'node:child_process';
import * as amqp from 'amqplib';
import { testAmqpUrl } from '@gatehouse/testing';
import { FAULT_ROWS, FaultOutcome, FaultRun, describeOutcome } from './fault-run';

/**
 * The fault suite (docs/operations.md): each case starts the whole system, runs a mass invite of
 * FAULT_ROWS rows (registered and new addresses mixed) plus a few individual invites, injects ONE fault
 * mid-run, lets it recover, and checks the exact outcome: memberships and pending invites, exactly one
 * email (one Message-ID) per invitee and per added account, the job done with a correct report, no
 * unexpected dead letters. A table of fault × expected × got is printed at the end.
 */
interface FaultCase {
  fault: string;
  expected: string;
  /** Before the upload (e.g. tell the SMTP sink whom to refuse). */
  prepare?: (run: FaultRun) => void | Promise<void>;
  /** Waits for its moment in the run, injects the fault and undoes it (restart, restore); says what it did. */
  inject: (run: FaultRun) => Promise<string | void>;
  /** Dead letters the case leaves on purpose. */
  deadLetters?: Record<string, number>;
  env?: ConstructorParameters<typeof FaultRun>[1];
}

const table: { fault: string; expected: string; got: string; pass: boolean; injected: string }[] = [];

/** The moment most faults strike: a third of the emails are out. */
const whenEmailsFlow = async (run: FaultRun) =>
  run.waitUntil(
    () => run.system.sink.messages.length,
    Math.ceil(run.expectedRecipients.length / 3),
    'a third of the emails',
  );
/** While the job decides: a third of its new addresses have an invite. */
const whenDeciding = (run: FaultRun) =>
  run.waitUntil(() => run.invitesCreated(), Math.ceil(run.unregistered.length / 3), 'a third of the invites created');

/** Where the run stood when the fault struck. */
async function progress(run: FaultRun): Promise<string> {
  return `at ${run.system.sink.messages.length} emails, ${await run.invitesCreated()} invites, ${await run.decidedRows()} rows decided`;
}

async function crash(run: FaultRun, name: ProcessName, signal: NodeJS.Signals): Promise<string> {
  const where = await progress(run);
  const code = await run.system.stopProcess(name, signal);
  if (signal === 'SIGTERM' && code !== 0) throw new Error(`${name} exited with ${code} after SIGTERM, not 0`);
  await run.system.restartProcess(name);
  return `${signal} ${where}; exit code ${code}`;
}

/** Terminates every connection the services hold to this test's database (never another database's). */
async function terminateConnections(): Promise<number> {
  const rows = await queryTestDb<{ pid: number }>(
    `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  );
  return rows.length;
}

const rabbitmqctl = (command: string) => execFileSync('rabbitmqctl', [command], { stdio: 'ignore', timeout: 60_000 });

/** A process ended with `signal` at `moment`, then started again. */
function processCase(
  fault: string,
  expected: string,
  moment: (run: FaultRun) => Promise<void>,
  name: ProcessName,
  signal: NodeJS.Signals,
): FaultCase {
  return {
    fault,
    expected,
    inject: async (run) => {
      await moment(run);
      return crash(run, name, signal);
    },
  };
}

const CASES: FaultCase[] = [
  processCase(
    'kill -9 notification mid-send, restarted',
    'claims taken back at boot, resent (same Message-ID); one email each',
    whenEmailsFlow,
    'notification',
    'SIGKILL',
  ),
  processCase(
    'kill -9 invite during the decisions, restarted',
    'job resumed at boot; report counts its own rows as invited/added; one email each',
    whenDeciding,
    'invite',
    'SIGKILL',
  ),
  {
    fault: 'pg_terminate_backend of all service connections during the decisions',
    expected: 'transient errors retried; job resumes, not failed; one email each',
    inject: async (run) => {
      await whenDeciding(run);
      const where = await progress(run);
      let terminated = 0;
      for (let i = 0; i < 3; i++) {
        terminated += await terminateConnections();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      return `${terminated} connections terminated ${where}`;
    },
  },
  {
    fault: 'SMTP sink answers 421 to the next 300 messages',
    expected: 'retried with back-off; one email each',
    inject: async (run) => {
      await whenEmailsFlow(run);
      run.system.sink.failNext(300, 421);
      return `421 × 300 from ${await progress(run)}`;
    },
  },
  {
    fault: 'SMTP sink answers 550 for 5 invitees',
    expected: 'those 5 failed once, not retried; everyone else one email',
    prepare: (run) => {
      for (const address of run.unregistered.slice(10, 15)) {
        run.system.sink.rejectRecipient(address, 550, 'No such user here');
        run.refused.add(address);
      }
    },
    inject: whenEmailsFlow,
  },
  {
    fault: 'poison message on notification.events',
    expected: 'the poison dead-lettered once; everything else exact',
    deadLetters: { 'notification.events.dead': 1 },
    inject: async (run) => {
      await whenEmailsFlow(run);
      const where = await progress(run);
      const connection = await amqp.connect(testAmqpUrl());
      try {
        const channel = await connection.createConfirmChannel();
        // Straight into notification's events queue: JSON, but no valid event envelope.
        const poison = { pattern: 'invite.invite.created', data: { id: 'not-a-uuid', payload: 'garbage' } };
        channel.sendToQueue(`${run.system.namespace}.notification.events`, Buffer.from(JSON.stringify(poison)), {
          persistent: true,
        });
        await channel.waitForConfirms();
      } finally {
        await connection.close();
      }
      return `poison published ${where}`;
    },
  },
  processCase(
    'SIGTERM of notification mid-send, restarted',
    'exit 0; in-flight finished or released; one email each',
    whenEmailsFlow,
    'notification',
    'SIGTERM',
  ),
  processCase(
    'SIGTERM of invite during the decisions, restarted',
    'exit 0; job resumed; one email each',
    whenDeciding,
    'invite',
    'SIGTERM',
  ),
  {
    fault: 'RabbitMQ stop_app 5 s, start_app',
    expected: 'services reconnect; events retried; one email each',
    inject: async (run) => {
      await whenEmailsFlow(run);
      const where = await progress(run);
      rabbitmqctl('stop_app');
      try {
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      } finally {
        rabbitmqctl('start_app');
      }
      return `broker stopped 5 s ${where}`;
    },
  },
];

/** FAULT_CASES=notification,invite… runs only the cases whose name contains one of the words. */
const only = (process.env.FAULT_CASES ?? '').split(',').filter(Boolean);
const selected = CASES.filter((c) => only.length === 0 || only.some((word) => c.fault.includes(word)));

afterAll(() => {
  const lines = [`fault suite, ${FAULT_ROWS} rows per case`, ''];
  for (const row of table) {
    lines.push(
      `${row.pass ? 'PASS' : 'FAIL'}  ${row.fault}`,
      `      injected: ${row.injected}`,
      `      expected: ${row.expected}`,
      `      got:      ${row.got}`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
});

describe.each(selected)('fault: $fault', (faultCase) => {
  const run = new FaultRun(`fault-${selected.indexOf(faultCase)}`, faultCase.env);
  let outcome: FaultOutcome | undefined;

  beforeAll(() => run.start(), 180_000);
  afterAll(async () => {
    // The broker is always restored, even when the case failed half-way.
    if (faultCase.fault.startsWith('RabbitMQ')) rabbitmqctl('start_app');
    await run.stop();
  });

  it('recovers with the exact outcome', async () => {
    let error: unknown;
    let injected = '';
    try {
      await faultCase.prepare?.(run);
      await run.upload();
      await run.inviteSingles(2);
      injected = (await faultCase.inject(run)) || (await progress(run));
      await run.inviteSingles(1);
      await run.settle();
      outcome = await run.outcome();

      expect(outcome.jobStatus).toBe('done');
      expect(outcome.summary).toEqual(run.expectedSummary());
      expect(outcome.members).toBe(run.registered.length + 1);
      expect(outcome.pendingInvites).toBe(run.unregistered.length + run.singles.length);
      expect(outcome.missing).toEqual([]);
      expect(outcome.distinctTwice).toEqual([]);
      expect(outcome.unexpectedRecipients).toEqual([]);
      expect(outcome.exactlyOnce).toBe(run.expectedRecipients.length);
      expect(outcome.failedDeliveries).toEqual([...run.refused].sort());
      expect(outcome.deadLetters).toEqual(faultCase.deadLetters ?? {});
    } catch (failure) {
      error = failure;
      throw failure;
    } finally {
      outcome ??= await run.outcome().catch(() => undefined);
      table.push({
        fault: faultCase.fault,
        expected: faultCase.expected,
        got: outcome ? describeOutcome(run, outcome) : `no outcome: ${(error as Error)?.message}`,
        pass: !error,
        injected,
      });
    }
  });
});
