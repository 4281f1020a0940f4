import { Client } from 'pg';
import { ACCOUNT_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { Figure } from '../report';
import { ISSUE_TARGETS } from '../targets';
import { timed } from '../timing';

/** Accounts the mass-invite generator's files name: its every 10th row is registered-<i>@example.com. */
export const REGISTERED_ACCOUNTS = 100_000;

/**
 * Fills invite.accounts with `count` accounts (one shared dummy hash): registered-1 … registered-100000
 * @example.com (every registered row of a generated 100k-row file), then filler-<i>@bench.example.
 */
export async function seedAccounts(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const existing = (await client.query<{ n: string }>('SELECT count(*) AS n FROM invite.accounts')).rows[0].n;
  if (Number(existing) < count) {
    const registered = Math.min(REGISTERED_ACCOUNTS, count);
    await client.query(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(),
         CASE WHEN i <= $2 THEN 'registered-' || i || '@example.com' ELSE 'filler-' || i || '@bench.example' END,
         'Registered ' || i, 'x', now()
       FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
      [count, registered],
    );
    await client.query('ANALYZE invite.accounts');
  }
  await client.end();
}

/** Lookups timed, each followed by its floor. */
const LOOKUP_RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** "Are these 10,000 emails registered?" — one RPC, against the same chunked SQL run directly. */
export async function accountLookup(rpc: RpcClient, databaseUrl: string, accounts: number): Promise<Figure[]> {
  const emails = Array.from({ length: 10_000 }, (_, i) =>
    i % 10 === 0
      ? `registered-${((i * 97) % Math.min(accounts, REGISTERED_ACCOUNTS)) + 1}@example.com`
      : `nobody-${i}@bench.example`,
  );
  await rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails: emails.slice(0, 10) });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const lookup = () => rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails }, { timeoutMs: 60_000 });
  const floorLookup = async () => {
    for (let i = 0; i < emails.length; i += 1000) {
      await client.query('SELECT id, email, display_name FROM invite.accounts WHERE email = ANY($1::text[])', [
        emails.slice(i, i + 1000),
      ]);
    }
  };
  // One call alone is noise on a shared machine (and the first one runs cold): the median of a few, each
  // beside its floor.
  const gatehouseRuns: { result: Awaited<ReturnType<typeof lookup>>; seconds: number }[] = [];
  const floorRuns: { seconds: number }[] = [];
  for (let run = 0; run < LOOKUP_RUNS; run++) {
    gatehouseRuns.push(await timed(lookup));
    floorRuns.push(await timed(floorLookup));
  }
  await client.end();
  const gatehouse = { result: gatehouseRuns[0].result, seconds: median(gatehouseRuns.map((r) => r.seconds)) };
  const floor = { seconds: median(floorRuns.map((r) => r.seconds)) };
  return [
    {
      case: `account lookup: 10,000 emails against ${accounts.toLocaleString('en')} accounts`,
      metric: 'time',
      value: gatehouse.seconds * 1000,
      unit: 'ms',
      floor: { label: 'raw SQL, same 1,000-chunks', value: floor.seconds * 1000 },
      target: ISSUE_TARGETS.accountLookup,
      note: `${gatehouse.result.registered.length} registered found; includes normalising and one RPC; median of ${LOOKUP_RUNS} runs, the first ${(gatehouseRuns[0].seconds * 1000).toFixed(0)} ms vs ${(floorRuns[0].seconds * 1000).toFixed(0)} ms`,
    },
  ];
}
