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
  const remove = async () => {
    await queryTestDb(`DROP TRIGGER IF EXISTS ${name} ON invite.import_rows`);
    await queryTestDb(`DROP FUNCTION IF EXISTS invite.${name}()`);
  };
  await queryTestDb(
    `CREATE FUNCTION invite.${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NULL; END $$`,
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

/**
 * Holds this uploader's sent mass invites before their first decided rows are committed: the job is
 * running, with its total counted and no row done, until `release()`. A page can then be seen showing a
 * running job however fast the machine decides. The hold is an advisory lock that a connection of the
 * test keeps and that the writing statement waits for.
 */
export async function holdSentImportsOf(accountId: string): Promise<{ release(): Promise<void> }> {
  const key = randomInt(1, 2 ** 31 - 1);
  const holder = new Client({ connectionString: testDatabaseUrl() });
  await holder.connect();
  let hook: ImportRowsHook | null = null;
  try {
    await holder.query('SELECT pg_advisory_lock($1)', [key]);
    hook = await onDecidedImportRows(
      `test_hold_${accountId.replace(/-/g, '')}`,
      `IF ${decidedRowsOfUploader(accountId, { dryRun: false })} THEN PERFORM pg_advisory_xact_lock(${key}); END IF;`,
    );
  } catch (error) {
    await holder.end();
    throw error;
  }
  const installed = hook;
  return {
    release: async () => {
      // The lock goes with the connection; the waiting statements go on, and the hook waits for them to end.
      await holder.end();
      await installed.remove();
    },
  };
}
