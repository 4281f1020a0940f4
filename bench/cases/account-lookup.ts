import { Client } from 'pg';
import { ACCOUNT_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { Figure } from '../report';
import { timed } from '../timing';

/** Fills invite.accounts with `count` accounts registered-<i>@bench.example (one shared dummy hash). */
export async function seedAccounts(databaseUrl: string, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const existing = (await client.query<{ n: string }>('SELECT count(*) AS n FROM invite.accounts')).rows[0].n;
  if (Number(existing) < count) {
    await client.query(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash)
       SELECT gen_random_uuid(), 'registered-' || i || '@bench.example', 'Registered ' || i, 'x'
       FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
      [count],
    );
    await client.query('ANALYZE invite.accounts');
  }
  await client.end();
}

/** "Are these 10,000 emails registered?" — one RPC, against the same chunked SQL run directly. */
export async function accountLookup(rpc: RpcClient, databaseUrl: string, accounts: number): Promise<Figure[]> {
  const emails = Array.from({ length: 10_000 }, (_, i) =>
    i % 10 === 0 ? `registered-${(i * 97) % accounts || 1}@bench.example` : `nobody-${i}@bench.example`,
  );
  await rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails: emails.slice(0, 10) });
  const gatehouse = await timed(() => rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails }, { timeoutMs: 60_000 }));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const floor = await timed(async () => {
    for (let i = 0; i < emails.length; i += 1000) {
      await client.query('SELECT id, email, display_name FROM invite.accounts WHERE email = ANY($1::text[])', [
        emails.slice(i, i + 1000),
      ]);
    }
  });
  await client.end();
  return [
    {
      case: `account lookup: 10,000 emails against ${accounts.toLocaleString('en')} accounts`,
      metric: 'time',
      value: gatehouse.seconds * 1000,
      unit: 'ms',
      floor: { label: 'raw SQL, same 1,000-chunks', value: floor.seconds * 1000 },
      note: `${gatehouse.result.registered.length} registered found; includes normalising and one RPC`,
    },
  ];
}
