import { FAULT_ROWS, FaultOutcome, FaultRun, describeOutcome } from './fault-run';
import {
  POISONED_DEAD_LETTERS,
  crash,
  loseDefinitions,
  poisonEveryQueue,
  progress,
  restartPostgresAt,
  stopRabbitFor,
  terminateConnections,
  whenDeciding,
  whenEmailsFlow,
} from './injections';
import { restoreSharedServices } from './shared-services';

/**
 * The fault suite (docs/operations.md): each case starts the whole system, runs a mass invite of
 * FAULT_ROWS rows (registered and new addresses mixed) plus a few individual invites, injects its fault(s)
 * mid-run, lets it recover, and checks the exact outcome: memberships and pending invites, exactly one
 * email (one Message-ID) per invitee and per added account, the job done with a correct report, the audit
 * log complete (one row per invite sent and per member added, none twice), no unexpected dead letters. A case may strike several times (e.g. SIGTERM of each service in turn) when
 * each recovery is independent of the next. A table of fault × expected × got is printed at the end.
 */
interface FaultCase {
  fault: string;
  expected: string;
  /** Before the upload (e.g. tell the SMTP sink whom to refuse). */
  prepare?: (run: FaultRun) => void | Promise<void>;
  /** Waits for its moment(s) in the run, injects the fault(s) and undoes them; says what it did. */
  inject: (run: FaultRun) => Promise<string | void>;
  /** Dead letters the case leaves on purpose. */
  deadLetters?: Record<string, number>;
}

const table: { fault: string; expected: string; got: string; pass: boolean; injected: string; seconds: number }[] = [];

/** Waits for each moment in turn and ends `name` with `signal` there; the lines of what was done. */
function inTurn(
  signal: NodeJS.Signals,
  steps: [moment: (run: FaultRun) => Promise<void>, name: Parameters<typeof crash>[1]][],
) {
  return async (run: FaultRun) => {
    const done: string[] = [];
    for (const [moment, name] of steps) {
      await moment(run);
      done.push(await crash(run, name, signal));
    }
    return done.join('; ');
  };
}

const CASES: FaultCase[] = [
  {
    fault: 'kill -9 notification mid-send, restarted',
    expected: 'claims taken back at boot, resent (same Message-ID); one email each',
    inject: inTurn('SIGKILL', [[whenEmailsFlow(1 / 3), 'notification']]),
  },
  {
    fault: 'kill -9 invite during the decisions, restarted',
    expected: 'job resumed at boot; report counts its own rows as invited/added; one email each',
    inject: inTurn('SIGKILL', [[whenDeciding(1 / 3), 'invite']]),
  },
  {
    fault: 'kill -9 hub during the decisions, then kill -9 gateway; each restarted',
    expected: 'requests in flight redelivered or retried by their caller; job done; one email each',
    inject: inTurn('SIGKILL', [
      [whenDeciding(1 / 3), 'hub'],
      [whenDeciding(2 / 3), 'gateway'],
    ]),
  },
  {
    fault: 'SIGTERM of each service in turn (invite, hub, gateway deciding; notification mid-send), restarted',
    expected: 'each exits 0; in-flight work finished or released; job resumed; one email each',
    inject: inTurn('SIGTERM', [
      [whenDeciding(1 / 4), 'invite'],
      [whenDeciding(1 / 2), 'hub'],
      [whenDeciding(1 / 2), 'gateway'],
      [whenEmailsFlow(1 / 2), 'notification'],
    ]),
  },
  {
    fault: 'pg_terminate_backend of all service connections (3× during the decisions)',
    expected: 'transient errors retried; job resumes, not failed; one email each',
    inject: async (run) => {
      await whenDeciding(1 / 3)(run);
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
    fault: 'PostgreSQL restarted (pg_ctlcluster stop -m fast, start) during the decisions',
    expected: 'pools and LISTEN reconnect; transient errors retried; job done; one email each',
    inject: async (run) => {
      await whenDeciding(1 / 3)(run);
      return restartPostgresAt(run);
    },
  },
  {
    fault: 'SMTP sink answers 421 to the next 300 messages, and 550 for 5 invitees',
    expected: '421s retried with back-off; the 5 failed once, not retried; everyone else one email',
    prepare: (run) => {
      for (const address of run.unregistered.slice(10, 15)) {
        run.system.sink.rejectRecipient(address, 550, 'No such user here');
        run.refused.add(address);
      }
    },
    inject: async (run) => {
      await whenEmailsFlow(1 / 3)(run);
      run.system.sink.failNext(300, 421);
      return `421 × 300 from ${await progress(run)}`;
    },
  },
  {
    fault: 'poison message on each Gatehouse queue (hub, invite, notification × rpc, events)',
    expected: 'each poison dead-lettered once in its own queue; everything else exact',
    deadLetters: POISONED_DEAD_LETTERS,
    inject: async (run) => {
      await whenEmailsFlow(1 / 3)(run);
      return poisonEveryQueue(run);
    },
  },
  {
    fault: 'RabbitMQ stop_app 5 s, start_app',
    expected: 'services reconnect; events retried; one email each',
    inject: async (run) => {
      await whenEmailsFlow(1 / 3)(run);
      return stopRabbitFor(run, 5_000);
    },
  },
  {
    fault:
      'RabbitMQ lost its definitions while notification was down: every Gatehouse queue (with the events waiting in it) and exchange deleted, broker restarted, notification started again',
    expected:
      'topology declared again; outbox events of the last 30 min published again (held back while unroutable); inboxes absorb copies; one email each',
    // Down before the upload: every event of the job's decisions waits in notification's queue.
    prepare: async (run) => {
      const code = await run.system.stopProcess('notification', 'SIGTERM');
      if (code !== 0) throw new Error(`notification exited with ${code} after SIGTERM, not 0`);
    },
    inject: async (run) => {
      await whenDeciding(2 / 3)(run);
      const lost = await loseDefinitions(run);
      await run.system.restartProcess('notification');
      return `notification down since the upload; ${lost}`;
    },
  },
];

/** FAULT_CASES=kill,poison… runs only the cases whose name contains one of the words. */
const only = (process.env.FAULT_CASES ?? '').split(',').filter(Boolean);
const selected = CASES.filter((c) => only.length === 0 || only.some((word) => c.fault.includes(word)));
const suiteStarted = Date.now();

afterAll(() => {
  const seconds = Math.round((Date.now() - suiteStarted) / 1000);
  const lines = [`fault suite, ${FAULT_ROWS} rows per case, ${table.length} cases in ${seconds} s`, ''];
  for (const row of table) {
    lines.push(
      `${row.pass ? 'PASS' : 'FAIL'}  ${row.fault}  (${row.seconds} s)`,
      `      injected: ${row.injected}`,
      `      expected: ${row.expected}`,
      `      got:      ${row.got}`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
});

describe.each(selected)('fault: $fault', (faultCase) => {
  const run = new FaultRun(`fault-${CASES.indexOf(faultCase)}`);
  let outcome: FaultOutcome | undefined;
  let started = 0;

  beforeAll(() => {
    started = Date.now();
    return run.start();
  }, 180_000);
  afterAll(async () => {
    // The broker and PostgreSQL are always restored, even when the case failed half-way.
    await restoreSharedServices();
    await run.stop();
  }, 120_000);

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
      expect(outcome.audit).toEqual(run.expectedAudit());
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
        seconds: Math.round((Date.now() - started) / 1000),
      });
    }
  });
});
