import { GatehouseSystem, TenantAdminFixture } from '@gatehouse/testing';

/**
 * The gateway on SIGTERM (a rolling deploy): it takes no new connections at once, lets the requests under
 * way finish — here one waiting for the hub's answer — then closes its connections and exits 0.
 */
describe('gateway graceful shutdown', () => {
  const system = new GatehouseSystem({
    label: 'gw-shutdown',
    processes: ['hub', 'invite', 'gateway'],
    env: { RPC_TIMEOUT_MS: '20000' },
  });
  let admin: TenantAdminFixture;
  let hubId: string;

  beforeAll(async () => {
    await system.start();
    admin = await system.createTenantAdmin({
      email: 'grace.admin@example.com',
      displayName: 'Grace Admin',
      password: 'correct horse battery staple',
      tenancyName: 'Graceful',
    });
    hubId = await system.createHub(admin, 'Rolling');
  }, 180_000);
  afterAll(() => system.stop());

  const child = (name: 'hub' | 'gateway') => system.group.started.find((p) => p.name === name)!.child;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('finishes the request under way, refuses new connections, and exits 0', async () => {
    const hub = child('hub');
    // The hub stops answering for a while: a members request now waits in the gateway for its reply.
    hub.kill('SIGSTOP');
    let exitCode: Promise<number | null> | undefined;
    try {
      const underWay = system.http.call('GET', `/api/v1/hubs/${hubId}/members?limit=5`, { token: admin.token });
      await pause(500);
      exitCode = system.stopProcess('gateway', 'SIGTERM');
      await pause(500);

      // A new connection is refused while the old request is still being answered.
      await expect(system.http.call('GET', '/health/live')).rejects.toThrow();

      hub.kill('SIGCONT');
      const answer = await underWay;
      expect(answer.status).toBe(200);
      expect(answer.body.total).toBe(1);
      expect(await exitCode).toBe(0);
    } finally {
      hub.kill('SIGCONT');
      await exitCode?.catch(() => undefined);
    }
  });
});
