import { GatehouseSystem, TenantAdminFixture, queryTestDb } from '@gatehouse/testing';

/**
 * The "you were added" notice is recorded with the decision that added the member: the hub records it in
 * hub.member.added, in the transaction that inserts the membership. Here the invite service's own record
 * of the outcome fails right after the hub's decision (a stand-in for a crash in that gap): the member is
 * in, and the notice still goes out — once.
 */
describe('the "you were added" notice, end to end', () => {
  const system = new GatehouseSystem({
    label: 'e2e-added-notice',
    processes: ['hub', 'invite', 'notification', 'gateway'],
  });
  const password = 'correct horse battery staple';
  let ada: TenantAdminFixture;
  let hubId: string;

  beforeAll(async () => {
    await system.start();
    ada = await system.createTenantAdmin({
      email: 'ada.admin@acme.example',
      displayName: 'Ada Admin',
      password,
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(ada, 'Osprey');
  }, 120_000);
  afterAll(async () => {
    await queryTestDb('DROP FUNCTION IF EXISTS invite.fail_member_added() CASCADE').catch(() => undefined);
    await system.stop();
  });

  const invite = (email: string) =>
    system.http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
      token: ada.token,
      json: { email, userType: 'EXTERNAL_MEMBER' },
    });

  it('sends the notice when the invite service fails after the hub added the member', async () => {
    const bo = await system.createAccount('bo.registered@acme.example', 'Bo Registered', password);
    // From now on the invite service cannot record invite.member.added: its transaction fails.
    await queryTestDb(`
      CREATE FUNCTION invite.fail_member_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.event_name = 'invite.member.added' THEN RAISE EXCEPTION 'simulated crash after the hub decided'; END IF;
        RETURN NEW;
      END $$`);
    await queryTestDb(
      'CREATE TRIGGER fail_member_added BEFORE INSERT ON invite.outbox FOR EACH ROW EXECUTE FUNCTION invite.fail_member_added()',
    );
    const failed = await invite(bo.email);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    await queryTestDb('DROP FUNCTION invite.fail_member_added() CASCADE');

    const [{ n: members }] = await queryTestDb<{ n: number }>(
      'SELECT count(*)::int AS n FROM hub.memberships WHERE hub_id = $1 AND account_id = $2',
      [hubId, bo.id],
    );
    expect(members).toBe(1);
    const [notice] = await system.sink.waitFor(bo.email, 1, 60_000);
    expect(notice.subject).toContain('Osprey');

    // Inviting again finds a member: no second notice.
    expect((await invite(bo.email)).body).toMatchObject({ outcome: 'already_member' });
    const marker = await system.createAccount('marker.registered@acme.example', 'Mark Marker', password);
    expect((await invite(marker.email)).body).toMatchObject({ outcome: 'added' });
    await system.sink.waitFor(marker.email, 1, 60_000);
    expect(system.sink.to(bo.email)).toHaveLength(1);
    expect(system.sink.to(marker.email)).toHaveLength(1);
  }, 180_000);
});
