import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { HUB_EVENTS, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient, outboxChannel } from '@gatehouse/messaging';
import { Figure } from '../report';
import { ISSUE_TARGETS } from '../targets';
import { timed } from '../timing';

const SIZE = 5000;
const USER_TYPE = 'EXTERNAL_MEMBER';

interface Member {
  accountId: string;
  email: string;
  displayName: string;
}

const newMembers = (prefix: string): Member[] =>
  Array.from({ length: SIZE }, (_, i) => ({
    accountId: randomUUID(),
    email: `${prefix}-${i}@bench.example`,
    displayName: `Member ${i}`,
  }));

/**
 * The floor: what hub.member.add-bulk writes (services/hub/src/membership/add-members-bulk.usecase.ts),
 * in raw SQL on one connection, in one transaction: read the Hub; INSERT … SELECT FROM unnest the
 * memberships, RETURNING the rows added; one hub.members.added outbox row whose payload lists them, and
 * the pg_notify that wakes the relay (libs/messaging OutboxWriter); one audit row per member added
 * (AuditWriter). Into the real tables of a second Hub, so indexes and triggers cost the same; the relay
 * publishes the floor's event as it does Gatehouse's.
 */
async function sameRowsInSql(client: Client, hubId: string, members: Member[]): Promise<void> {
  await client.query('BEGIN');
  const hub = (
    await client.query<{ id: string; tenancy_id: string; name: string }>(
      'SELECT id, tenancy_id, name FROM hub.hubs WHERE id = $1',
      [hubId],
    )
  ).rows[0];
  const inserted = await client.query<{ account_id: string; email: string; display_name: string }>(
    `INSERT INTO hub.memberships (hub_id, account_id, email, display_name, user_type)
     SELECT $1, a, e, d, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(a, e, d)
     ON CONFLICT (hub_id, account_id) DO NOTHING
     RETURNING account_id, email, display_name`,
    [
      hub.id,
      members.map((m) => m.accountId),
      members.map((m) => m.email),
      members.map((m) => m.displayName),
      USER_TYPE,
    ],
  );
  const correlationId = randomUUID();
  const payload = {
    hubId: hub.id,
    tenancyId: hub.tenancy_id,
    hubName: hub.name,
    userType: USER_TYPE,
    addedBy: null,
    members: inserted.rows.map((row) => ({
      accountId: row.account_id,
      email: row.email,
      displayName: row.display_name,
    })),
  };
  await client.query(
    'INSERT INTO hub.outbox (id, event_name, payload, correlation_id) VALUES ($1, $2, $3::jsonb, $4)',
    [randomUUID(), HUB_EVENTS.MEMBERS_ADDED, JSON.stringify(payload), correlationId],
  );
  await client.query('SELECT pg_notify($1, $2)', [outboxChannel('hub'), '']);
  await client.query(
    `INSERT INTO hub.audit_log (tenancy_id, hub_id, actor_account_id, action, subject, details, correlation_id)
     SELECT $1, $2, NULL, 'member.added', subject, $3::jsonb, $4 FROM unnest($5::text[]) AS subject`,
    [
      hub.tenancy_id,
      hub.id,
      JSON.stringify({ userType: USER_TYPE }),
      correlationId,
      inserted.rows.map((row) => row.email),
    ],
  );
  await client.query('COMMIT');
}

/** Rounds of each, alternating (Gatehouse, floor, members-only, …): the report gives each one's median. */
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The memberships INSERT … unnest alone: no Hub read, no audit, no event. */
function membersOnly(client: Client, hubId: string, members: Member[]) {
  return client.query(
    `INSERT INTO hub.memberships (hub_id, account_id, email, display_name, user_type)
     SELECT $1, a, e, d, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS t(a, e, d)
     ON CONFLICT DO NOTHING`,
    [hubId, members.map((m) => m.accountId), members.map((m) => m.email), members.map((m) => m.displayName), USER_TYPE],
  );
}

/**
 * Adding 5,000 new members to a Hub in one hub.member.add-bulk (RPC included), against the same rows
 * written in raw SQL on a second Hub; the members-only INSERT on a third is timed too, as a note. Each
 * round adds 5,000 new members to each Hub.
 */
export async function bulkAdd(
  rpc: RpcClient,
  databaseUrl: string,
  hubId: string,
  floorHubId: string,
  membersOnlyHubId: string,
): Promise<Figure[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const ms = { gatehouse: [] as number[], floor: [] as number[], membersOnly: [] as number[] };
  let added = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const gatehouse = await timed(() =>
        rpc.call(
          HUB_PATTERNS.MEMBER_ADD_BULK,
          { hubId, userType: USER_TYPE, members: newMembers(`member-${round}`) },
          { timeoutMs: 60_000 },
        ),
      );
      added = gatehouse.result.added.length;
      ms.gatehouse.push(gatehouse.seconds * 1000);
      ms.floor.push(
        (await timed(() => sameRowsInSql(client, floorHubId, newMembers(`floor-${round}`)))).seconds * 1000,
      );
      const insertOnly = await timed(() => membersOnly(client, membersOnlyHubId, newMembers(`members-only-${round}`)));
      ms.membersOnly.push(insertOnly.seconds * 1000);
    }
  } finally {
    await client.end();
  }
  const all = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  return [
    {
      case: `bulk add ${SIZE.toLocaleString('en')} members (hub.member.add-bulk)`,
      metric: `time, median of ${ROUNDS}`,
      value: median(ms.gatehouse),
      unit: 'ms',
      floor: {
        label: 'raw SQL, one transaction: the Hub read, memberships, outbox row + pg_notify, audit rows',
        value: median(ms.floor),
      },
      target: ISSUE_TARGETS.bulkAdd,
      note:
        `${added.toLocaleString('en')} added a round; rounds: Gatehouse ${all(ms.gatehouse)} ms, floor ${all(ms.floor)} ms; ` +
        `the memberships INSERT … unnest alone (no audit, no event): median ${median(ms.membersOnly).toFixed(0)} ms`,
    },
  ];
}
