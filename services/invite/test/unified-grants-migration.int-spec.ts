import { migrate, serviceDataSourceOptions } from '@gatehouse/database';
import { queryTestDb, resetSchemas, testDatabaseUrl } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { INVITE_MIGRATIONS } from '../src/database/migrations';
import { UnifiedMembershipGrants1764220000000 } from '../src/database/migrations/1764220000000-unified-membership-grants';

/** The migration to one membership-grant table carries every grant of the two old ones over (issue 13). */
describe('migration UnifiedMembershipGrants1764220000000', () => {
  const last = INVITE_MIGRATIONS.indexOf(UnifiedMembershipGrants1764220000000);
  let dataSource: DataSource;

  const ids = {
    invite: randomUUID(),
    doneInvite: randomUUID(),
    link: randomUUID(),
    hub: randomUUID(),
    inviter: randomUUID(),
    pendingJoiner: randomUUID(),
    grantedJoiner: randomUUID(),
    invitee: randomUUID(),
  };

  beforeAll(async () => {
    await resetSchemas('invite');
    dataSource = new DataSource(
      serviceDataSourceOptions({
        url: testDatabaseUrl(),
        schema: 'invite',
        entities: [],
        migrations: INVITE_MIGRATIONS.slice(0, last),
        poolSize: 2,
      }),
    );
    await dataSource.initialize();
    await migrate(dataSource);
    await seedOldTables();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await resetSchemas('invite');
  });

  async function seedOldTables(): Promise<void> {
    for (const id of [ids.invite, ids.doneInvite]) {
      await queryTestDb(
        `INSERT INTO invite.invites (id, hub_id, tenancy_id, hub_name, inviter_account_id, inviter_name, email,
           user_type, status, token_hash, expires_at, accepted_at, accepted_account_id)
         VALUES ($1::uuid, $2, $2, 'Hub', $3, 'Inviter', $4, 'TEAM_MEMBER', 'accepted', $6, now() + interval '1 day',
           now(), $5)`,
        [id, ids.hub, ids.inviter, `${id}@example.com`, ids.invitee, `hash-${id}`],
      );
    }
    await queryTestDb(
      `INSERT INTO invite.membership_grants (invite_id, hub_id, account_id, email, display_name, user_type, added_by,
         status, attempts, next_attempt_at, last_error, done_at)
       VALUES ($1, $2, $3, 'a@example.com', 'Invitee', 'TEAM_MEMBER', $4, 'pending', 3, now() + interval '5 minutes',
         'hub down', NULL),
              ($5, $2, $3, 'a@example.com', 'Invitee', 'TEAM_MEMBER', $4, 'done', 1, now(), NULL, now())`,
      [ids.invite, ids.hub, ids.invitee, ids.inviter, ids.doneInvite],
    );
    await queryTestDb(
      `INSERT INTO invite.registration_links (id, hub_id, tenancy_id, hub_name, created_by, updated_by)
       VALUES ($1, $2, $2, 'Hub', $3, $3)`,
      [ids.link, ids.hub, ids.inviter],
    );
    await queryTestDb(
      `INSERT INTO invite.registration_link_uses (account_id, link_id, hub_id, email, display_name, user_type,
         grant_status, attempts, last_error, granted_at)
       VALUES ($1, $3, $4, 'p@example.com', 'Pending Joiner', 'EXTERNAL_MEMBER', 'pending', 2, 'timeout', NULL),
              ($2, $3, $4, 'g@example.com', 'Granted Joiner', 'EXTERNAL_MEMBER', 'granted', 1, NULL, now())`,
      [ids.pendingJoiner, ids.grantedJoiner, ids.link, ids.hub],
    );
  }

  it('moves every grant into invite.membership_grants, keeping the uses as their record', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new UnifiedMembershipGrants1764220000000().up(runner);
    } finally {
      await runner.release();
    }
    const grants = await queryTestDb<Record<string, unknown>>(
      `SELECT id, source, source_id, account_id, user_type, added_by, status, attempts, last_error,
              next_attempt_at > now() AS later, done_at IS NOT NULL AS has_done_at
       FROM invite.membership_grants ORDER BY source, status`,
    );
    expect(grants).toEqual([
      expect.objectContaining({
        id: ids.doneInvite,
        source: 'invite',
        source_id: ids.doneInvite,
        status: 'done',
        has_done_at: true,
      }),
      expect.objectContaining({
        id: ids.invite,
        source: 'invite',
        source_id: ids.invite,
        account_id: ids.invitee,
        added_by: ids.inviter,
        status: 'pending',
        attempts: 3,
        last_error: 'hub down',
        later: true,
      }),
      expect.objectContaining({
        source: 'registration_link',
        source_id: ids.link,
        account_id: ids.grantedJoiner,
        status: 'done',
        has_done_at: true,
      }),
      expect.objectContaining({
        source: 'registration_link',
        source_id: ids.link,
        account_id: ids.pendingJoiner,
        user_type: 'EXTERNAL_MEMBER',
        added_by: null,
        status: 'pending',
        attempts: 2,
        last_error: 'timeout',
      }),
    ]);
    const uses = await queryTestDb('SELECT * FROM invite.registration_link_uses ORDER BY display_name');
    expect(uses.map((use) => Object.keys(use).sort())).toEqual([
      ['account_id', 'created_at', 'display_name', 'email', 'hub_id', 'link_id', 'user_type'],
      ['account_id', 'created_at', 'display_name', 'email', 'hub_id', 'link_id', 'user_type'],
    ]);
  });

  it('can be rolled back to the two old tables', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await new UnifiedMembershipGrants1764220000000().down(runner);
    } finally {
      await runner.release();
    }
    expect(
      await queryTestDb('SELECT invite_id, status, attempts FROM invite.membership_grants ORDER BY status'),
    ).toEqual([
      { invite_id: ids.doneInvite, status: 'done', attempts: 1 },
      { invite_id: ids.invite, status: 'pending', attempts: 3 },
    ]);
    expect(
      await queryTestDb(
        'SELECT account_id, grant_status, attempts FROM invite.registration_link_uses ORDER BY attempts',
      ),
    ).toEqual([
      { account_id: ids.grantedJoiner, grant_status: 'granted', attempts: 1 },
      { account_id: ids.pendingJoiner, grant_status: 'pending', attempts: 2 },
    ]);
  });
});
