import {
  Actor,
  ERROR_CODES,
  HUB_ACTIONS,
  HUB_PATTERNS,
  HubWithMembershipView,
  TenancyView,
} from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { HubFixture, World, makeActor } from './hub-fixture';
import { Role, matrixCases } from './product-matrix';

/**
 * PRODUCT.md's permission matrix, asked of the running hub over RabbitMQ: first through
 * hub.permission.check (what the invite service and the gateway rely on), then through the operations
 * themselves.
 */
describe('permission matrix through the real RPC', () => {
  const hub = new HubFixture();

  let world: World;
  let h: HubWithMembershipView;
  let tenantAdmin: Actor;
  /** A Hub admin who is not a tenant admin. */
  let hubAdmin: Actor;
  let teamMember: Actor;
  let teamMemberInviteOff: Actor;
  let external: Actor;
  /** Not a member of anything, not an admin of anything. */
  let stranger: Actor;
  /** The tenant admin of another tenancy, and the Hub they run there. */
  let otherTenantAdmin: Actor;
  let otherTenancy: TenancyView;
  let otherHub: HubWithMembershipView;

  const actorFor = (role: Role): Actor => {
    const cast: Partial<Record<Role, Actor>> = {
      'Hub admin': hubAdmin,
      'Team Member': teamMember,
      'Team Member (invite permission off)': teamMemberInviteOff,
      'External Member': external,
    };
    const actor = cast[role];
    if (!actor) throw new Error(`No member plays "${role}" in this test`);
    return actor;
  };

  beforeAll(async () => {
    await hub.start();
    world = await hub.createWorld();
    ({ hub: h, tenantAdmin } = world);
    hubAdmin = await hub.join(h, 'Hana Hub-Admin', 'TEAM_MEMBER');
    await hub.updateMember(h, tenantAdmin, hubAdmin, { isHubAdmin: true });
    teamMember = await hub.join(h, 'Tom Team', 'TEAM_MEMBER');
    teamMemberInviteOff = await hub.join(h, 'Tina Team-NoInvite', 'TEAM_MEMBER');
    await hub.updateMember(h, hubAdmin, teamMemberInviteOff, { canInvite: false });
    external = await hub.join(h, 'Eve External', 'EXTERNAL_MEMBER');
    stranger = makeActor('Sam Stranger');
    otherTenantAdmin = makeActor('Otto Other-Tenant');
    otherTenancy = await hub.createTenancy(otherTenantAdmin);
    otherHub = await hub.createHub(otherTenancy.id, otherTenantAdmin);
  });
  afterAll(() => hub.stop());

  describe('hub.permission.check', () => {
    const roles: Role[] = ['Hub admin', 'Team Member', 'Team Member (invite permission off)', 'External Member'];

    it.each(matrixCases(roles))('$label', async ({ role, action, inviteeType, cell }) => {
      const member = actorFor(role);
      const decision = await hub.call(HUB_PATTERNS.PERMISSION_CHECK, {
        hubId: h.id,
        accountId: member.accountId,
        action,
        userType: inviteeType,
      });
      if (cell === 'no') {
        expect(decision).toMatchObject({
          allowed: false,
          scope: null,
          denial: { code: ERROR_CODES.PERMISSION_DENIED, message: expect.stringMatching(/\w/) },
        });
      } else {
        expect(decision).toMatchObject({ allowed: true, denial: null, scope: cell === 'yes' ? null : cell });
      }
      // Allowed or not, a member learns about the Hub and their own membership (and the invite expiry).
      expect(decision.hub).toEqual({ id: h.id, name: h.name, tenancyId: world.tenancy.id });
      expect(decision.membership).toMatchObject({ accountId: member.accountId, hubId: h.id });
      expect(decision.inviteExpiryDays).toBe(14);
    });

    it.each([...HUB_ACTIONS])(
      'a non-member asking for %s is told there is no such Hub, and nothing more',
      async (action) => {
        for (const outsider of [stranger, otherTenantAdmin]) {
          const decision = await hub.call(HUB_PATTERNS.PERMISSION_CHECK, {
            hubId: h.id,
            accountId: outsider.accountId,
            action,
            userType: 'TEAM_MEMBER',
          });
          expect(decision).toEqual({
            allowed: false,
            denial: { code: ERROR_CODES.HUB_NOT_FOUND, message: expect.any(String) },
            scope: null,
            hub: null,
            membership: null,
            inviteExpiryDays: null,
          });
        }
      },
    );

    it('answers the same for a Hub that does not exist as for one the account is not in', async () => {
      const ask = (hubId: string) =>
        hub.call(HUB_PATTERNS.PERMISSION_CHECK, { hubId, accountId: stranger.accountId, action: 'members.view' });
      expect(await ask(randomUUID())).toEqual(await ask(h.id));
    });

    it('a tenant admin needs a membership to act in a Hub of their tenancy', async () => {
      const hubWithoutThem = await hub.createHub(world.tenancy.id, hub.operator);
      const decision = await hub.call(HUB_PATTERNS.PERMISSION_CHECK, {
        hubId: hubWithoutThem.id,
        accountId: tenantAdmin.accountId,
        action: 'invite',
        userType: 'TEAM_MEMBER',
      });
      expect(decision.allowed).toBe(false);
    });
  });

  describe('member management (hub.member.update, hub.member.remove)', () => {
    const refusedRoles: [Role, string][] = [
      ['Team Member', ERROR_CODES.PERMISSION_DENIED],
      ['Team Member (invite permission off)', ERROR_CODES.PERMISSION_DENIED],
      ['External Member', ERROR_CODES.PERMISSION_DENIED],
    ];

    it.each(refusedRoles)('is refused to a %s with %s, and nothing changes', async (role, code) => {
      const actor = actorFor(role);
      const before = await hub.membership(h, teamMember);
      for (const patch of [{ canInvite: false }, { userType: 'EXTERNAL_MEMBER' as const }, { isHubAdmin: true }]) {
        await expect(hub.updateMember(h, actor, teamMember, patch)).rejects.toMatchObject({ code });
      }
      await expect(hub.updateMember(h, actor, actor, { isHubAdmin: true })).rejects.toMatchObject({ code });
      await expect(hub.removeMember(h, actor, teamMember)).rejects.toMatchObject({ code });
      expect(await hub.membership(h, teamMember)).toEqual(before);
      expect(await hub.membership(h, actor)).toMatchObject({ isHubAdmin: false });
    });

    it('is refused to outsiders as if the Hub did not exist', async () => {
      for (const outsider of [stranger, otherTenantAdmin]) {
        await expect(hub.updateMember(h, outsider, teamMember, { canInvite: false })).rejects.toMatchObject({
          code: ERROR_CODES.HUB_NOT_FOUND,
        });
        await expect(hub.removeMember(h, outsider, teamMember)).rejects.toMatchObject({
          code: ERROR_CODES.HUB_NOT_FOUND,
        });
      }
      expect(await hub.membership(h, teamMember)).toMatchObject({ canInvite: true });
    });

    it('is allowed to a Hub admin who is not a tenant admin', async () => {
      const guest = await hub.join(h, 'Gus Guest', 'EXTERNAL_MEMBER');
      await expect(hub.updateMember(h, hubAdmin, guest, { userType: 'TEAM_MEMBER' })).resolves.toMatchObject({
        userType: 'TEAM_MEMBER',
      });
      await expect(hub.removeMember(h, hubAdmin, guest)).resolves.toEqual({ removed: true });
      expect(await hub.membership(h, guest)).toBeNull();
    });
  });

  describe('tenancy policy (hub.policy.get / hub.policy.update) and audit log (hub.audit.list)', () => {
    const policyGet = (actor: Actor, tenancyId = world.tenancy.id) =>
      hub.call(HUB_PATTERNS.POLICY_GET, { actor, tenancyId });
    const policyUpdate = (actor: Actor, inviteExpiryDays: number, tenancyId = world.tenancy.id) =>
      hub.call(HUB_PATTERNS.POLICY_UPDATE, { actor, tenancyId, inviteExpiryDays });
    const auditList = (actor: Actor, tenancyId = world.tenancy.id) =>
      hub.call(HUB_PATTERNS.AUDIT_LIST, { actor, tenancyId });

    it('a tenant admin reads and changes the policy and reads the audit log', async () => {
      await expect(policyGet(tenantAdmin)).resolves.toMatchObject({ tenancyId: world.tenancy.id });
      await expect(policyUpdate(tenantAdmin, 21)).resolves.toMatchObject({ inviteExpiryDays: 21 });
      const audit = await auditList(tenantAdmin);
      expect(audit.items.map((e) => e.action)).toContain('policy.changed');
      expect(audit.items.every((e) => e.tenancyId === world.tenancy.id)).toBe(true);
    });

    it('a platform operator does too, in any tenancy', async () => {
      for (const tenancyId of [world.tenancy.id, otherTenancy.id]) {
        const before = await policyGet(hub.operator, tenancyId);
        await expect(policyUpdate(hub.operator, before.inviteExpiryDays + 1, tenancyId)).resolves.toMatchObject({
          inviteExpiryDays: before.inviteExpiryDays + 1,
          version: before.version + 1,
        });
        const audit = await auditList(hub.operator, tenancyId);
        expect(audit.items[0]).toMatchObject({ action: 'policy.changed', actorAccountId: hub.operator.accountId });
      }
    });

    it.each(['Hub admin', 'Team Member', 'External Member'] as Role[])(
      'a %s who is not a tenant admin is told it is not allowed, and nothing changes',
      async (role) => {
        const actor = actorFor(role);
        const before = await policyGet(tenantAdmin);
        const denied = { code: ERROR_CODES.PERMISSION_DENIED, message: expect.stringMatching(/tenant admin/i) };
        await expect(policyGet(actor)).rejects.toMatchObject(denied);
        await expect(policyUpdate(actor, 5)).rejects.toMatchObject(denied);
        await expect(auditList(actor)).rejects.toMatchObject(denied);
        expect(await policyGet(tenantAdmin)).toEqual(before);
      },
    );

    it('strangers and admins of other tenancies are told there is no such tenancy', async () => {
      const before = await policyGet(tenantAdmin);
      for (const outsider of [stranger, otherTenantAdmin]) {
        for (const call of [() => policyGet(outsider), () => policyUpdate(outsider, 5), () => auditList(outsider)]) {
          await expect(call()).rejects.toMatchObject({ code: ERROR_CODES.TENANCY_NOT_FOUND });
        }
      }
      // …exactly what anyone hears about a tenancy that does not exist.
      await expect(policyGet(tenantAdmin, randomUUID())).rejects.toMatchObject({ code: ERROR_CODES.TENANCY_NOT_FOUND });
      expect(await policyGet(tenantAdmin)).toEqual(before);
    });

    it('a tenant admin sees only their own tenancy', async () => {
      await expect(policyGet(tenantAdmin, otherTenancy.id)).rejects.toMatchObject({
        code: ERROR_CODES.TENANCY_NOT_FOUND,
      });
      await expect(auditList(tenantAdmin, otherTenancy.id)).rejects.toMatchObject({
        code: ERROR_CODES.TENANCY_NOT_FOUND,
      });
    });
  });

  describe('hub.hub.get', () => {
    const getHub = (actor: Actor, hubId = h.id) => hub.call(HUB_PATTERNS.HUB_GET, { actor, hubId });

    it('answers every member with the Hub and their own membership', async () => {
      for (const member of [hubAdmin, teamMember, external]) {
        await expect(getHub(member)).resolves.toMatchObject({
          id: h.id,
          membership: { accountId: member.accountId },
        });
      }
    });

    it('answers tenant admins of its tenancy and operators even without a membership', async () => {
      const unjoined = await hub.createHub(world.tenancy.id, hub.operator);
      await expect(getHub(tenantAdmin, unjoined.id)).resolves.toMatchObject({ id: unjoined.id, membership: null });
      await expect(getHub(hub.operator, h.id)).resolves.toMatchObject({ id: h.id, membership: null });
    });

    it('from another tenancy is HUB.NOT_FOUND, word for word what a missing Hub gives', async () => {
      const missing = await getHub(otherTenantAdmin, randomUUID()).catch((e: unknown) => e);
      expect(missing).toMatchObject({ code: ERROR_CODES.HUB_NOT_FOUND });
      for (const [outsider, hubId] of [
        [otherTenantAdmin, h.id],
        [stranger, h.id],
        [tenantAdmin, otherHub.id],
        [hubAdmin, otherHub.id],
      ] as const) {
        const error = await getHub(outsider, hubId).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: ERROR_CODES.HUB_NOT_FOUND, message: (missing as Error).message });
      }
    });

    it('listing Hubs of another tenancy shows none of them', async () => {
      const page = await hub.call(HUB_PATTERNS.HUB_LIST, { actor: otherTenantAdmin, tenancyId: world.tenancy.id });
      expect(page).toMatchObject({ items: [], total: 0 });
    });

    it('listing members of a Hub one is not in is HUB.NOT_FOUND', async () => {
      await expect(hub.call(HUB_PATTERNS.MEMBER_LIST, { actor: otherTenantAdmin, hubId: h.id })).rejects.toMatchObject({
        code: ERROR_CODES.HUB_NOT_FOUND,
      });
    });
  });
});
