import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { Figure } from '../report';
import { timed } from '../timing';

/** Adding 5,000 members to a Hub in one hub.member.add-bulk, against the bare INSERT … unnest. */
export async function bulkAdd(
  rpc: RpcClient,
  databaseUrl: string,
  hubId: string,
  floorHubId: string,
): Promise<Figure[]> {
  const size = 5000;
  const members = Array.from({ length: size }, (_, i) => ({
    accountId: randomUUID(),
    email: `member-${i}@bench.example`,
    displayName: `Member ${i}`,
  }));
  const gatehouse = await timed(() =>
    rpc.call(HUB_PATTERNS.MEMBER_ADD_BULK, { hubId, userType: 'EXTERNAL_MEMBER', members }, { timeoutMs: 60_000 }),
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const floor = await timed(() =>
    client.query(
      `INSERT INTO hub.memberships (hub_id, account_id, email, display_name, user_type)
       SELECT $1, a, e, d, 'EXTERNAL_MEMBER' FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(a, e, d)
       ON CONFLICT DO NOTHING`,
      [floorHubId, members.map(() => randomUUID()), members.map((m) => m.email), members.map((m) => m.displayName)],
    ),
  );
  await client.end();
  return [
    {
      case: 'bulk add 5,000 members (hub.member.add-bulk)',
      metric: 'time',
      value: gatehouse.seconds * 1000,
      unit: 'ms',
      floor: { label: 'raw INSERT … unnest', value: floor.seconds * 1000 },
      note: 'Gatehouse also writes 5,000 audit rows and the outbox event in the same transaction',
    },
  ];
}
