import { HUB_PATTERNS } from '@gatehouse/contracts';
import { execSync } from 'node:child_process';
import { HubFixture } from './hub-fixture';

describe('debug', () => {
  const hub = new HubFixture();
  beforeAll(() => hub.start());
  afterAll(() => hub.stop());
  const q = () => console.log(execSync(`rabbitmqctl list_queues name messages_ready messages_unacknowledged consumers 2>&1 | grep ${hub.namespace}`).toString());
  it('many calls', async () => {
    const w = await hub.createWorld();
    const m = await hub.join(w.hub, 'X', 'TEAM_MEMBER');
    for (let i = 0; i < 70; i++) {
      try {
        await hub.call(HUB_PATTERNS.PERMISSION_CHECK, { hubId: w.hub.id, accountId: m.accountId, action: 'members.view', userType: undefined });
      } catch (e) { console.log(i, (e as Error).message); q(); throw e; }
    }
  });
});
