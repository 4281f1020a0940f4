import {
  Actor,
  ERROR_CODES,
  HUB_EVENTS,
  HUB_PATTERNS,
  HubWithMembershipView,
  MemberChangedPayload,
  MemberRemovedPayload,
  MembersAddedPayload,
} from '@gatehouse/contracts';
import { runWithCorrelationId } from '@gatehouse/messaging';
import { queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { HubFixture, World, makeActor, profileOf } from './hub-fixture';

describe('Hub members', () => {
  const hub = HubFixture.forSuite();

  const list = (actor: Actor, hubId: string, page: { limit?: number; offset?: number } = {}) =>
    hub.call(HUB_PATTERNS.MEMBER_LIST, { actor, hubId, ...page });
  const names = (page: { items: { displayName: string }[] }) => page.items.map((m) => m.displayName);

  describe('listing Hubs with one’s own membership', () => {
    let world: World;
    let member: Actor;
    let withoutAdmin: HubWithMembershipView;

    beforeAll(async () => {
      world = await hub.createWorld('Hana Hubs');
      member = await hub.join(world.hub, 'Ivo Guest', 'EXTERNAL_MEMBER');
      // A Hub of the tenancy its tenant admin is not a member of (an operator made it).
      withoutAdmin = await hub.createHub(world.tenancy.id, hub.operator, 'A Hub without Hana');
    });
    const listHubs = (actor: Actor, tenancyId?: string) => hub.call(HUB_PATTERNS.HUB_LIST, { actor, tenancyId });

    it('a member gets the Hubs they belong to, each with their membership', async () => {
      const page = await listHubs(member);
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({
        id: world.hub.id,
        membership: { accountId: member.accountId, userType: 'EXTERNAL_MEMBER', isHubAdmin: false },
      });
    });

    it('without a tenancy, a tenant admin gets only the Hubs they belong to', async () => {
      const page = await listHubs(world.tenantAdmin);
      expect(page.items.map((h) => [h.id, h.membership?.isHubAdmin])).toEqual([[world.hub.id, true]]);
    });

    it('with their tenancy, a tenant admin gets every Hub of it; membership is null where they are not in', async () => {
      const page = await listHubs(world.tenantAdmin, world.tenancy.id);
      const byId = new Map(page.items.map((h) => [h.id, h.membership]));
      expect(page.total).toBe(2);
      expect(byId.get(world.hub.id)).toMatchObject({ isHubAdmin: true, userType: 'TEAM_MEMBER', canInvite: true });
      expect(byId.get(withoutAdmin.id)).toBeNull();
    });
  });

  describe('who sees whom', () => {
    let world: World;
    let team: Actor[];
    let externals: Actor[];

    beforeAll(async () => {
      world = await hub.createWorld('Ada Admin');
      team = [
        await hub.join(world.hub, 'Bob Team', 'TEAM_MEMBER'),
        await hub.join(world.hub, 'Cy Team', 'TEAM_MEMBER'),
      ];
      externals = [
        await hub.join(world.hub, 'Dee External', 'EXTERNAL_MEMBER'),
        await hub.join(world.hub, 'Eli External', 'EXTERNAL_MEMBER'),
        await hub.join(world.hub, 'Fay External', 'EXTERNAL_MEMBER'),
      ];
    });

    it('an External Member sees the Team Members only', async () => {
      const page = await list(externals[0], world.hub.id);
      expect(names(page)).toEqual(['Ada Admin', 'Bob Team', 'Cy Team']);
      expect(page.total).toBe(3);
      expect(page.items.every((m) => m.userType === 'TEAM_MEMBER')).toBe(true);
    });

    it('an External Member asking for External Members gets none', async () => {
      const page = await hub.call(HUB_PATTERNS.MEMBER_LIST, {
        actor: externals[1],
        hubId: world.hub.id,
        userType: 'EXTERNAL_MEMBER',
      });
      expect(page).toMatchObject({ items: [], total: 0 });
    });

    it('a Team Member sees everyone, sorted by name', async () => {
      const page = await list(team[0], world.hub.id);
      expect(names(page)).toEqual(['Ada Admin', 'Bob Team', 'Cy Team', 'Dee External', 'Eli External', 'Fay External']);
      expect(page.total).toBe(6);
    });

    it('pages with limit and offset, and the total counts every visible member', async () => {
      const pages = [
        await list(team[1], world.hub.id, { limit: 4, offset: 0 }),
        await list(team[1], world.hub.id, { limit: 4, offset: 4 }),
        await list(team[1], world.hub.id, { limit: 4, offset: 8 }),
      ];
      expect(pages.map(names)).toEqual([
        ['Ada Admin', 'Bob Team', 'Cy Team', 'Dee External'],
        ['Eli External', 'Fay External'],
        [],
      ]);
      expect(pages.map((p) => [p.total, p.limit, p.offset])).toEqual([
        [6, 4, 0],
        [6, 4, 4],
        [6, 4, 8],
      ]);
      const externalPage = await list(externals[2], world.hub.id, { limit: 2, offset: 1 });
      expect(externalPage).toMatchObject({ total: 3, limit: 2, offset: 1 });
      expect(names(externalPage)).toEqual(['Bob Team', 'Cy Team']);
    });

    it('an internal call (no actor) sees everyone', async () => {
      const page = await hub.call(HUB_PATTERNS.MEMBER_LIST, { hubId: world.hub.id });
      expect(page.total).toBe(6);
    });

    describe('search', () => {
      const search = (actor: Actor, text: string, page: { limit?: number; offset?: number } = {}) =>
        hub.call(HUB_PATTERNS.MEMBER_LIST, { actor, hubId: world.hub.id, search: text, ...page });

      it('finds members by part of the name, in any case', async () => {
        expect(names(await search(team[0], 'eXtErNaL'))).toEqual(['Dee External', 'Eli External', 'Fay External']);
        expect(names(await search(team[0], 'cy t'))).toEqual(['Cy Team']);
      });

      it('finds members by part of the email address', async () => {
        const unique = externals[1].email.split('@')[0].split('.').pop()!; // the random part only the email has
        expect(names(await search(team[0], unique.toUpperCase()))).toEqual(['Eli External']);
      });

      it('keeps the External Member rule: they find Team Members only', async () => {
        expect(await search(externals[0], 'External')).toMatchObject({ items: [], total: 0 });
        expect(names(await search(externals[0], 'team'))).toEqual(['Bob Team', 'Cy Team']);
      });

      it('pages the matches and counts all of them', async () => {
        const page = await search(team[1], 'external', { limit: 2, offset: 2 });
        expect(names(page)).toEqual(['Fay External']);
        expect(page).toMatchObject({ total: 3, limit: 2, offset: 2 });
      });

      it('takes % and _ literally, and a blank search as no filter', async () => {
        expect((await search(team[0], '%')).total).toBe(0);
        expect((await search(team[0], '_')).total).toBe(0);
        expect((await search(team[0], '   ')).total).toBe(6);
      });

      it('is served by trigram indexes on name and email', async () => {
        const indexes = await queryTestDb<{ indexname: string }>(
          `SELECT indexname FROM pg_indexes WHERE schemaname = 'hub' AND tablename = 'memberships' AND indexdef LIKE '%gin_trgm_ops%'`,
        );
        expect(indexes.map((i) => i.indexname).sort()).toEqual([
          'memberships_email_trgm_idx',
          'memberships_name_trgm_idx',
        ]);
      });
    });

    it('someone who is not a member cannot list at all', async () => {
      await expect(list(makeActor('Nosy Parker'), world.hub.id)).rejects.toMatchObject({
        code: ERROR_CODES.HUB_NOT_FOUND,
      });
    });
  });

  describe('the last Hub admin', () => {
    it('cannot be unset, demoted to External Member or removed while alone', async () => {
      const { hub: h, tenantAdmin: admin } = await hub.createWorld();
      const lastAdmin = { code: ERROR_CODES.MEMBER_LAST_ADMIN, message: expect.stringMatching(/last Hub admin/) };
      await expect(hub.updateMember(h, admin, admin, { isHubAdmin: false })).rejects.toMatchObject(lastAdmin);
      await expect(hub.updateMember(h, admin, admin, { userType: 'EXTERNAL_MEMBER' })).rejects.toMatchObject(lastAdmin);
      await expect(hub.removeMember(h, admin, admin)).rejects.toMatchObject(lastAdmin);
      expect(await hub.membership(h, admin)).toMatchObject({ isHubAdmin: true, userType: 'TEAM_MEMBER' });
      expect((await hub.auditRows(h.id)).map((r) => r.action)).toEqual(['hub.created', 'member.added']);
    });

    it('can step down once another Team Member is a Hub admin', async () => {
      const { hub: h, tenantAdmin: admin } = await hub.createWorld();
      const successor = await hub.join(h, 'Sue Successor', 'TEAM_MEMBER');
      await hub.updateMember(h, admin, successor, { isHubAdmin: true });
      await expect(hub.updateMember(h, admin, admin, { isHubAdmin: false })).resolves.toMatchObject({
        isHubAdmin: false,
        userType: 'TEAM_MEMBER',
      });
      // Now the successor is the last one.
      await expect(hub.removeMember(h, successor, successor)).rejects.toMatchObject({
        code: ERROR_CODES.MEMBER_LAST_ADMIN,
      });
      await hub.updateMember(h, successor, admin, { isHubAdmin: true });
      await expect(hub.removeMember(h, admin, successor)).resolves.toEqual({ removed: true });
      await expect(hub.updateMember(h, admin, admin, { userType: 'EXTERNAL_MEMBER' })).rejects.toMatchObject({
        code: ERROR_CODES.MEMBER_LAST_ADMIN,
      });
    });

    it('demoting an admin to External Member ends their admin role', async () => {
      const { hub: h, tenantAdmin: admin } = await hub.createWorld();
      const other = await hub.join(h, 'Otto Other', 'TEAM_MEMBER');
      await hub.updateMember(h, admin, other, { isHubAdmin: true });
      await expect(hub.updateMember(h, admin, other, { userType: 'EXTERNAL_MEMBER' })).resolves.toMatchObject({
        userType: 'EXTERNAL_MEMBER',
        isHubAdmin: false,
      });
    });

    it('of two admins unset at the same time, exactly one goes', async () => {
      for (let round = 0; round < 5; round++) {
        const { hub: h, tenantAdmin: first } = await hub.createWorld();
        const second = await hub.join(h, 'Sid Second', 'TEAM_MEMBER');
        await hub.updateMember(h, first, second, { isHubAdmin: true });

        // Each admin takes the other's admin flag away, at the same moment.
        const outcomes = await Promise.allSettled([
          hub.updateMember(h, first, second, { isHubAdmin: false }),
          hub.updateMember(h, second, first, { isHubAdmin: false }),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        // Whoever comes second is no longer a Hub admin by then, and is told so.
        const [refused] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(refused.reason).toMatchObject({ code: ERROR_CODES.PERMISSION_DENIED });
        const admins = (await hub.call(HUB_PATTERNS.MEMBER_LIST, { hubId: h.id })).items.filter((m) => m.isHubAdmin);
        expect(admins).toHaveLength(1);
      }
    });

    it('of two admins each unset by the same admin at the same time, exactly one goes', async () => {
      for (let round = 0; round < 5; round++) {
        const { hub: h, tenantAdmin: first } = await hub.createWorld();
        const second = await hub.join(h, 'Sid Second', 'TEAM_MEMBER');
        await hub.updateMember(h, first, second, { isHubAdmin: true });
        // Stepping down and removing the other admin, at the same moment.
        const outcomes = await Promise.allSettled([
          hub.updateMember(h, first, first, { isHubAdmin: false }),
          hub.removeMember(h, first, second),
        ]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const admins = (await hub.call(HUB_PATTERNS.MEMBER_LIST, { hubId: h.id })).items.filter((m) => m.isHubAdmin);
        expect(admins).toHaveLength(1);
      }
    });
  });

  describe('changing a member', () => {
    let world: World;
    let h: HubWithMembershipView;
    let admin: Actor;
    beforeAll(async () => {
      world = await hub.createWorld();
      ({ hub: h, tenantAdmin: admin } = world);
    });

    it('an External Member cannot be made a Hub admin', async () => {
      const guest = await hub.join(h, 'Gil Guest', 'EXTERNAL_MEMBER');
      await expect(hub.updateMember(h, admin, guest, { isHubAdmin: true })).rejects.toMatchObject({
        code: ERROR_CODES.MEMBER_ADMIN_MUST_BE_TEAM_MEMBER,
        message: expect.stringMatching(/Team Member/),
      });
      await expect(
        hub.updateMember(h, admin, guest, { userType: 'EXTERNAL_MEMBER', isHubAdmin: true }),
      ).rejects.toMatchObject({ code: ERROR_CODES.MEMBER_ADMIN_MUST_BE_TEAM_MEMBER });
      expect(await hub.membership(h, guest)).toMatchObject({ userType: 'EXTERNAL_MEMBER', isHubAdmin: false });
      // Made a Team Member in the same request, they can be.
      await expect(
        hub.updateMember(h, admin, guest, { userType: 'TEAM_MEMBER', isHubAdmin: true }),
      ).resolves.toMatchObject({ userType: 'TEAM_MEMBER', isHubAdmin: true });
    });

    it('a Hub admin switches a Team Member’s invite permission off and on again', async () => {
      const member = await hub.join(h, 'Ivy Inviter', 'TEAM_MEMBER');
      const mayInvite = async () =>
        (
          await hub.call(HUB_PATTERNS.PERMISSION_CHECK, {
            hubId: h.id,
            accountId: member.accountId,
            action: 'invite',
            userType: 'EXTERNAL_MEMBER',
          })
        ).allowed;
      expect(await mayInvite()).toBe(true);
      await expect(hub.updateMember(h, admin, member, { canInvite: false })).resolves.toMatchObject({
        canInvite: false,
      });
      expect(await mayInvite()).toBe(false);
      await expect(hub.updateMember(h, admin, member, { canInvite: true })).resolves.toMatchObject({
        canInvite: true,
      });
      expect(await mayInvite()).toBe(true);
    });

    it('changing nothing writes nothing', async () => {
      const member = await hub.join(h, 'Nat Noop', 'TEAM_MEMBER');
      const auditBefore = await hub.countRows('audit_log', h.id);
      const outboxBefore = await hub.countRows('outbox', h.id);
      await expect(
        hub.updateMember(h, admin, member, { userType: 'TEAM_MEMBER', canInvite: true, isHubAdmin: false }),
      ).resolves.toMatchObject({ userType: 'TEAM_MEMBER', canInvite: true, isHubAdmin: false });
      expect(await hub.countRows('audit_log', h.id)).toBe(auditBefore);
      expect(await hub.countRows('outbox', h.id)).toBe(outboxBefore);
    });

    it('a member who is not in the Hub cannot be changed or removed', async () => {
      const outsider = makeActor('Out Sider');
      await expect(hub.updateMember(h, admin, outsider, { canInvite: false })).rejects.toMatchObject({
        code: ERROR_CODES.MEMBER_NOT_FOUND,
      });
      await expect(hub.removeMember(h, admin, outsider)).rejects.toMatchObject({ code: ERROR_CODES.MEMBER_NOT_FOUND });
    });

    it('every change leaves audit rows (who, what, whom) and announces itself', async () => {
      const member = await hub.join(h, 'Max Member', 'EXTERNAL_MEMBER');
      await hub.updateMember(h, admin, member, { userType: 'TEAM_MEMBER' });
      await hub.updateMember(h, admin, member, { isHubAdmin: true, canInvite: false });
      await hub.updateMember(h, admin, member, { isHubAdmin: false });
      await hub.removeMember(h, admin, member);

      const rows = (await hub.auditRows(h.id)).filter((r) => r.subject === member.email);
      expect(rows).toEqual([
        expect.objectContaining({ action: 'member.added', details: { userType: 'EXTERNAL_MEMBER' } }),
        expect.objectContaining({
          action: 'member.user_type_changed',
          details: { from: 'EXTERNAL_MEMBER', to: 'TEAM_MEMBER' },
        }),
        expect.objectContaining({ action: 'member.hub_admin_set' }),
        expect.objectContaining({ action: 'member.invite_permission_changed', details: { canInvite: false } }),
        expect.objectContaining({ action: 'member.hub_admin_unset' }),
        expect.objectContaining({ action: 'member.removed', details: { userType: 'TEAM_MEMBER' } }),
      ]);
      expect(rows.every((r) => r.tenancy_id === world.tenancy.id && r.hub_id === h.id)).toBe(true);
      // addMember runs as the Hub's creator; every other change as the admin who made it.
      expect(rows.every((r) => r.actor_account_id === admin.accountId)).toBe(true);

      await hub.flushEvents(hub.events);
      const changed = hub.events
        .named<MemberChangedPayload>(HUB_EVENTS.MEMBER_CHANGED)
        .filter((e) => e.payload.after.accountId === member.accountId);
      expect(
        changed.map((e) => [e.payload.before.userType, e.payload.after.userType, e.payload.after.isHubAdmin]),
      ).toEqual([
        ['EXTERNAL_MEMBER', 'TEAM_MEMBER', false],
        ['TEAM_MEMBER', 'TEAM_MEMBER', true],
        ['TEAM_MEMBER', 'TEAM_MEMBER', false],
      ]);
      const removed = hub.events
        .named<MemberRemovedPayload>(HUB_EVENTS.MEMBER_REMOVED)
        .filter((e) => e.payload.accountId === member.accountId);
      expect(removed).toHaveLength(1);
      expect(removed[0].payload).toEqual({
        hubId: h.id,
        tenancyId: world.tenancy.id,
        accountId: member.accountId,
        removedBy: admin.accountId,
      });
    });

    it('the audit log refuses UPDATE and DELETE, even straight in the database', async () => {
      const [{ count }] = await queryTestDb<{ count: string }>('SELECT count(*) FROM hub.audit_log');
      expect(Number(count)).toBeGreaterThan(0);
      await expect(queryTestDb(`UPDATE hub.audit_log SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(queryTestDb('DELETE FROM hub.audit_log')).rejects.toThrow(/append-only/);
      const [{ count: after }] = await queryTestDb<{ count: string }>(
        `SELECT count(*) FROM hub.audit_log WHERE action <> 'rewritten'`,
      );
      expect(after).toBe(count);
    });
  });

  describe('bulk add (hub.member.add-bulk, internal)', () => {
    let world: World;
    beforeAll(async () => {
      world = await hub.createWorld();
    });

    const addBulk = (members: Actor[], userType: 'TEAM_MEMBER' | 'EXTERNAL_MEMBER' = 'EXTERNAL_MEMBER') =>
      hub.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
        hubId: world.hub.id,
        userType,
        addedBy: world.tenantAdmin.accountId,
        members: members.map(profileOf),
      });
    const addedEventsOfHub = () =>
      hub.events.named<MembersAddedPayload>(HUB_EVENTS.MEMBERS_ADDED).filter((e) => e.payload.hubId === world.hub.id);
    const addedEventsFor = (members: Actor[]) => {
      const ids = new Set(members.map((m) => m.accountId));
      return hub.events
        .named<MembersAddedPayload>(HUB_EVENTS.MEMBERS_ADDED)
        .filter((e) => e.payload.hubId === world.hub.id && e.payload.members.some((m) => ids.has(m.accountId)));
    };
    const snapshot = async () =>
      queryTestDb(
        `SELECT account_id, email, display_name, user_type, is_hub_admin, can_invite, joined_at
         FROM hub.memberships WHERE hub_id = $1 ORDER BY account_id`,
        [world.hub.id],
      );

    it('is idempotent: the same batch twice gives the same state, reported and announced once', async () => {
      const batch = [makeActor('Bulk One'), makeActor('Bulk Two'), makeActor('Bulk Three')];
      const ids = batch.map((m) => m.accountId).sort();

      const first = await addBulk(batch);
      expect([...first.added].sort()).toEqual(ids);
      expect(first.alreadyMember).toEqual([]);
      const stateAfterFirst = await snapshot();
      const auditAfterFirst = await hub.countRows('audit_log', world.hub.id);
      await hub.flushEvents(hub.events);
      const eventsAfterFirst = addedEventsOfHub();

      const second = await addBulk(batch, 'TEAM_MEMBER');
      expect(second.added).toEqual([]);
      expect([...second.alreadyMember].sort()).toEqual(ids);
      // Same state: nobody re-added, and the second call's user type did not overwrite the first's.
      expect(await snapshot()).toEqual(stateAfterFirst);
      expect(await hub.countRows('audit_log', world.hub.id)).toBe(auditAfterFirst);

      await hub.flushEvents(hub.events);
      expect(addedEventsOfHub()).toEqual(eventsAfterFirst);
      const events = addedEventsFor(batch);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        hubId: world.hub.id,
        tenancyId: world.tenancy.id,
        hubName: world.hub.name,
        userType: 'EXTERNAL_MEMBER',
        addedBy: world.tenantAdmin.accountId,
      });
      expect(events[0].payload.members.map((m) => m.accountId).sort()).toEqual(ids);
    });

    it('answers a request run twice under one requestKey with the members it added, announced and audited once', async () => {
      const earlier = makeActor('Member Before');
      await addBulk([earlier]);
      const batch = [makeActor('Keyed One'), makeActor('Keyed Two'), earlier];
      const keyed = (requestKey: string) =>
        hub.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
          hubId: world.hub.id,
          userType: 'EXTERNAL_MEMBER',
          addedBy: world.tenantAdmin.accountId,
          members: batch.map(profileOf),
          requestKey,
        });
      const newIds = [batch[0].accountId, batch[1].accountId].sort();

      const first = await keyed('import:job-1');
      expect([...first.added].sort()).toEqual(newIds);
      expect(first.alreadyMember).toEqual([earlier.accountId]);
      const auditAfterFirst = await hub.countRows('audit_log', world.hub.id);
      await hub.flushEvents(hub.events);
      const eventsAfterFirst = addedEventsOfHub();

      // The same work again (its answer was lost, or the broker delivered it twice): the same answer.
      const again = await keyed('import:job-1');
      expect([...again.added].sort()).toEqual(newIds);
      expect(again.alreadyMember).toEqual([earlier.accountId]);
      expect(await hub.countRows('audit_log', world.hub.id)).toBe(auditAfterFirst);
      await hub.flushEvents(hub.events);
      expect(addedEventsOfHub()).toEqual(eventsAfterFirst);

      // Other work finds them members already.
      const other = await keyed('import:job-2');
      expect(other.added).toEqual([]);
      expect([...other.alreadyMember].sort()).toEqual([...newIds, earlier.accountId].sort());
    });

    it('is idempotent under concurrency: the same batch twice at once adds and announces each member once', async () => {
      const batch = Array.from({ length: 20 }, (_, i) => makeActor(`Racer ${i}`));
      const [one, two] = await Promise.all([addBulk(batch), addBulk(batch)]);
      expect([...one.added, ...two.added].sort()).toEqual(batch.map((m) => m.accountId).sort());
      expect([...one.alreadyMember, ...two.alreadyMember]).toHaveLength(batch.length);
      await hub.flushEvents(hub.events);
      const announced = addedEventsFor(batch).flatMap((e) => e.payload.members.map((m) => m.accountId));
      expect(announced.sort()).toEqual(batch.map((m) => m.accountId).sort());
    });

    it('carries the caller’s correlation id into every audit row and the event', async () => {
      const correlationId = `mass-invite-${randomUUID()}`;
      const batch = [makeActor('Corr One'), makeActor('Corr Two')];
      await runWithCorrelationId(correlationId, () => addBulk(batch));
      const rows = await queryTestDb<{ correlation_id: string }>(
        'SELECT correlation_id FROM hub.audit_log WHERE hub_id = $1 AND subject = ANY($2)',
        [world.hub.id, batch.map((m) => m.email)],
      );
      expect(rows).toEqual([{ correlation_id: correlationId }, { correlation_id: correlationId }]);
      await hub.flushEvents(hub.events);
      expect(addedEventsFor(batch).map((e) => e.correlationId)).toEqual([correlationId]);
    });

    it('takes a member listed twice in one batch once', async () => {
      const [a, b] = [makeActor('Dup A'), makeActor('Dup B')];
      const result = await addBulk([a, b, a]);
      expect([...result.added].sort()).toEqual([a.accountId, b.accountId].sort());
      expect(result.alreadyMember).toEqual([]);
      const rows = await queryTestDb('SELECT 1 FROM hub.memberships WHERE hub_id = $1 AND account_id = $2', [
        world.hub.id,
        a.accountId,
      ]);
      expect(rows).toHaveLength(1);
      await hub.flushEvents(hub.events);
      const events = addedEventsFor([a]);
      expect(events).toHaveLength(1);
      expect(events[0].payload.members.map((m) => m.accountId).sort()).toEqual([a.accountId, b.accountId].sort());

      await expect(addBulk([a, a])).resolves.toEqual({ added: [], alreadyMember: [a.accountId] });
    });

    it('reports new and existing members of a mixed batch apart', async () => {
      const [old, fresh] = [makeActor('Old Timer'), makeActor('New Comer')];
      await addBulk([old]);
      const result = await addBulk([old, fresh]);
      expect(result).toEqual({ added: [fresh.accountId], alreadyMember: [old.accountId] });
    });

    it('into a Hub that does not exist is HUB.NOT_FOUND', async () => {
      await expect(
        hub.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
          hubId: randomUUID(),
          userType: 'TEAM_MEMBER',
          members: [profileOf(makeActor('Lost Soul'))],
        }),
      ).rejects.toMatchObject({ code: ERROR_CODES.HUB_NOT_FOUND });
    });

    describe('refuses an invalid request, naming the field, and writes nothing', () => {
      const valid = () => ({
        hubId: world.hub.id,
        userType: 'TEAM_MEMBER',
        members: [profileOf(makeActor('Val Id'))],
      });
      const cases: [string, () => Record<string, unknown>, RegExp][] = [
        ['an unknown field', () => ({ ...valid(), role: 'owner' }), /role/],
        ['a hubId that is not a uuid', () => ({ ...valid(), hubId: 'hub-1' }), /hubId must be a UUID/],
        [
          'an unknown user type',
          () => ({ ...valid(), userType: 'GUEST' }),
          /userType must be one of TEAM_MEMBER, EXTERNAL_MEMBER/,
        ],
        ['no user type', () => ({ ...valid(), userType: undefined }), /userType/],
        ['an empty members list', () => ({ ...valid(), members: [] }), /members/],
        [
          'a member whose accountId is not a uuid',
          () => ({ ...valid(), members: [{ ...profileOf(makeActor('Bad Id')), accountId: '42' }] }),
          /members\.0\.accountId must be a UUID/,
        ],
        [
          'an unknown field inside a member',
          () => ({ ...valid(), members: [{ ...profileOf(makeActor('Extra')), isHubAdmin: true }] }),
          /members\.0\.isHubAdmin/,
        ],
      ];

      it.each(cases)('%s', async (_label, request, field) => {
        const before = [
          await hub.countRows('memberships'),
          await hub.countRows('audit_log'),
          await hub.countRows('outbox'),
        ];
        const call = hub.call(HUB_PATTERNS.MEMBER_ADD_BULK, request() as never);
        await expect(call).rejects.toMatchObject({
          code: ERROR_CODES.VALIDATION_FAILED,
          message: expect.stringMatching(field),
        });
        expect([
          await hub.countRows('memberships'),
          await hub.countRows('audit_log'),
          await hub.countRows('outbox'),
        ]).toEqual(before);
      });
    });
  });
});
