import { HUB_PATTERNS } from '@gatehouse/contracts';
import { HubFixture, makeActor } from './hub-fixture';

describe('hub service smoke', () => {
  const hub = new HubFixture();
  beforeAll(() => hub.start());
  afterAll(() => hub.stop());

  it('creates a tenancy and a hub, and lists the creator as admin', async () => {
    const admin = makeActor('Ada Admin');
    const tenancy = await hub.createTenancy(admin);
    const created = await hub.createHub(tenancy.id, admin);
    expect(created.membership).toMatchObject({ isHubAdmin: true, userType: 'TEAM_MEMBER' });
    const page = await hub.rpc.call(HUB_PATTERNS.MEMBER_LIST, { actor: admin, hubId: created.id });
    expect(page.items.map((m) => m.accountId)).toEqual([admin.accountId]);
  });
});
