import { HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import {
  ProcessGroup,
  repoRoot,
  deleteNamespace,
  freePort,
  newNamespace,
  queryTestDb,
  resetSchemas,
  testProcessEnv,
  testRpcClient,
} from '@gatehouse/testing';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** `npm run bootstrap` (the compiled script) against the compiled hub and invite services. */
describe('bootstrap', () => {
  const namespace = newNamespace('e2e-bootstrap');
  const group = new ProcessGroup();
  let rpc: RpcClient;

  beforeAll(async () => {
    await resetSchemas('hub', 'invite');
    const env = testProcessEnv(namespace);
    await group.start('hub', await freePort(), env);
    await group.start('invite', await freePort(), env);
    rpc = testRpcClient(namespace);
  }, 120_000);

  afterAll(async () => {
    await rpc?.close();
    await group.stop();
    await deleteNamespace(namespace);
  });

  function bootstrap(slug: string, email: string) {
    const root = repoRoot();
    return spawnSync(
      process.execPath,
      [
        '-r',
        path.join(root, 'scripts/runtime-paths.js'),
        path.join(root, 'dist/scripts/bootstrap.js'),
        ...['--tenancy', `Tenancy ${slug}`, '--slug', slug, '--email', email, '--name', 'Ada Admin'],
      ],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ...testProcessEnv(namespace), BOOTSTRAP_ADMIN_PASSWORD: 'violet-harbour-1957' },
        timeout: 60_000,
      },
    );
  }

  const accountsWith = async (email: string) =>
    (await queryTestDb<{ n: number }>('SELECT count(*)::int AS n FROM invite.accounts WHERE email = $1', [email]))[0].n;

  it('creates the tenancy and its first admin', async () => {
    const run = bootstrap('first-org', 'ada@first.example');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Created tenancy first-org');
    expect(await accountsWith('ada@first.example')).toBe(1);
  });

  it('leaves nothing behind when the tenancy cannot be created after the account was', async () => {
    const owner = await rpc.call(HUB_PATTERNS.TENANCY_LIST, { actor: SYSTEM_ACTOR });
    expect(owner.items.map((t) => t.slug)).toContain('first-org');
    const run = bootstrap('first-org', 'bea@second.example'); // the slug is taken: the hub refuses
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('bootstrap failed');
    expect(run.stderr).toContain('Nothing was created: the account for bea@second.example was removed again.');
    expect(await accountsWith('bea@second.example')).toBe(0);
    const [{ n: events }] = await queryTestDb<{ n: number }>(
      `SELECT count(*)::int AS n FROM invite.outbox WHERE sent_at IS NULL AND payload->>'email' = $1`,
      ['bea@second.example'],
    );
    expect(events).toBe(0);
    // Run again with a free slug: it works, as if the failed run had never happened.
    expect(bootstrap('second-org', 'bea@second.example').status).toBe(0);
  });
});
