import { randomInt } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from './test-env';
import { queryTestDb } from './test-namespace';

/** A hook a test put into the database; `remove()` takes it out again. */
export interface ImportRowsHook {
  remove(): Promise<void>;
}

const UUID = /^[0-9a-f-]{36}$/;

/**
 * Runs `body` (PL/pgSQL) in the very statement, and so the transaction, that writes decided rows of a mass
 * invite, whoever's job they belong to; the rows written are the table `decided`. A test acts there on a
 * point of a running import that polling from outside can only race to (a job of a few thousand rows ends
 * between two polls on a fast machine). `name` must be unique in the run. The hook lives in the invite
 * schema, so if a run ends before `remove()`, the next schema reset takes it away.
 */
export async function onDecidedImportRows(name: string, body: string): Promise<ImportRowsHook> {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`"${name}" is not a plain SQL name`);
  // Waits for the statements the hook is part of to end; a lock never let go fails it rather than the test's timeout.
  const remove = async () => {
    await queryTestDb(
      `SET lock_timeout = '10s'; DROP TRIGGER IF EXISTS ${name} ON invite.import_rows; DROP FUNCTION IF EXISTS invite.${name}()`,
    );
  };
  await queryTestDb(
    `CREATE FUNCTION invite.${name}() RETURNS trigger LANGUAGE plpgsql AS $hook$ BEGIN ${body} RETURN NULL; END $hook$`,
  );
  await queryTestDb(
    `CREATE TRIGGER ${name} AFTER INSERT ON invite.import_rows REFERENCING NEW TABLE AS decided
     FOR EACH STATEMENT EXECUTE FUNCTION invite.${name}()`,
  ).catch(async (error: unknown) => {
    await remove();
    throw error;
  });
  return { remove };
}

/** A SQL condition: `decided` holds rows of a job (sent, or only previewed when `dryRun`) uploaded by this account. */
export function decidedRowsOfUploader(accountId: string, { dryRun }: { dryRun: boolean }): string {
  if (!UUID.test(accountId)) throw new Error('expected a UUID');
  return `EXISTS (SELECT 1 FROM decided d JOIN invite.import_jobs j ON j.id = d.job_id
                   WHERE j.created_by = '${accountId}' AND j.dry_run = ${dryRun})`;
}

/** A hold on an uploader's sent mass invites (`holdSentImportsOf`). */
export interface ImportHold {
  /** How many statements wait on the hold now (a test proves with it that the hold held). */
  waiting(): Promise<number>;
  /** Lets them go on, then takes the hook out. */
  release(): Promise<void>;
}

/** The advisory locks of the holds are keyed (this number, a random one): apart from the services' own. */
const HOLD_LOCK_SPACE = 0x47480001;

/**
 * Holds this uploader's sent mass invites at their first statement that writes decided rows, until
 * `release()`: the job is running, its total counted, and none of its rows is committed (what it did
 * before that statement is not held: with a file whose first rows are all valid, the Hub's additions of
 * registered addresses come before it). A page can then be seen showing a running job however fast the
 * machine decides. The hold is an advisory lock that a connection of the test keeps and that the writing
 * statement waits for.
 */
export async function holdSentImportsOf(accountId: string): Promise<ImportHold> {
  const key = randomInt(1, 2 ** 31 - 1);
  const holder = new Client({ connectionString: testDatabaseUrl() });
  // A connection the server ends while it holds must not crash the test process; the hold just ends.
  holder.on('error', () => undefined);
  await holder.connect();
  let hook: ImportRowsHook | null = null;
  try {
    await holder.query('SELECT pg_advisory_lock($1, $2)', [HOLD_LOCK_SPACE, key]);
    hook = await onDecidedImportRows(
      `test_hold_${accountId.replace(/-/g, '')}`,
      `IF ${decidedRowsOfUploader(accountId, { dryRun: false })} THEN
         PERFORM pg_advisory_xact_lock(${HOLD_LOCK_SPACE}, ${key});
       END IF;`,
    );
  } catch (error) {
    await holder.end();
    throw error;
  }
  const installed = hook;
  return {
    waiting: async () => {
      const [{ n }] = await queryTestDb<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 2`,
        [HOLD_LOCK_SPACE, key],
      );
      return n;
    },
    release: async () => {
      // The lock goes with the connection; the waiting statements go on, and the hook's removal waits for them.
      try {
        await holder.end();
      } finally {
        await installed.remove();
      }
    },
  };
}
