import {
  Actor,
  ERROR_CODES,
  HUB_EVENTS,
  HUB_PATTERNS,
  MAX_APPENDIX_LENGTH,
  PolicyChangedPayload,
  TenancyView,
  UpdatePolicyRequest,
} from '@gatehouse/contracts';
import { HubFixture, makeActor, profileOf } from './hub-fixture';

describe('tenancy policy: invite message appendix and invite expiry', () => {
  const hub = HubFixture.forSuite();

  /** A fresh tenancy per test, so events and versions of one test never mix with another's. */
  async function newTenancy(): Promise<{ tenancy: TenancyView; admin: Actor }> {
    const admin = makeActor('Tara Tenant-Admin');
    return { tenancy: await hub.createTenancy(admin), admin };
  }
  const update = (admin: Actor, tenancy: TenancyView, change: Omit<UpdatePolicyRequest, 'actor' | 'tenancyId'>) =>
    hub.call(HUB_PATTERNS.POLICY_UPDATE, { actor: admin, tenancyId: tenancy.id, ...change });
  const get = (admin: Actor, tenancy: TenancyView) =>
    hub.call(HUB_PATTERNS.POLICY_GET, { actor: admin, tenancyId: tenancy.id });
  /** Every hub.policy.changed the hub has published for that tenancy (after all committed ones arrived). */
  async function policyEvents(tenancy: TenancyView) {
    await hub.flushEvents(hub.events);
    return hub.events
      .named<PolicyChangedPayload>(HUB_EVENTS.POLICY_CHANGED)
      .filter((e) => e.payload.tenancyId === tenancy.id);
  }

  it('lists a tenant admin their own tenancies only (the console menu), and someone else none', async () => {
    const { tenancy, admin } = await newTenancy();
    await newTenancy(); // another admin's
    const own = await hub.call(HUB_PATTERNS.TENANCY_LIST, { actor: admin, limit: 10 });
    expect(own).toMatchObject({ total: 1, items: [{ id: tenancy.id }] });
    const none = await hub.call(HUB_PATTERNS.TENANCY_LIST, { actor: makeActor('Nobody Special') });
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('starts with no appendix and a 14-day expiry', async () => {
    const { tenancy, admin } = await newTenancy();
    expect(await get(admin, tenancy)).toMatchObject({ inviteMessageAppendix: null, inviteExpiryDays: 14, version: 1 });
  });

  it('a tenant admin sets the appendix and the expiry: one hub.policy.changed after commit, with the new values', async () => {
    const { tenancy, admin } = await newTenancy();
    const appendix = 'Questions? Write to it-help@example.com.\nThank you!';

    const updated = await update(admin, tenancy, { inviteMessageAppendix: appendix, inviteExpiryDays: 7 });
    expect(updated).toMatchObject({
      tenancyId: tenancy.id,
      inviteMessageAppendix: appendix,
      inviteExpiryDays: 7,
      version: 2,
    });
    expect(await get(admin, tenancy)).toEqual(updated);

    const events = await policyEvents(tenancy);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toEqual({
      tenancyId: tenancy.id,
      inviteMessageAppendix: appendix,
      inviteExpiryDays: 7,
      version: 2,
      changedBy: admin.accountId,
      updatedAt: updated.updatedAt,
    });

    const audit = await hub.call(HUB_PATTERNS.AUDIT_LIST, { actor: admin, tenancyId: tenancy.id, limit: 1 });
    expect(audit.items[0]).toMatchObject({
      action: 'policy.changed',
      actorAccountId: admin.accountId,
      details: {
        before: { inviteMessageAppendix: null, inviteExpiryDays: 14 },
        after: { inviteMessageAppendix: appendix, inviteExpiryDays: 7 },
      },
    });
  });

  it('each change gets the next version, announced in order', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, { inviteExpiryDays: 30 });
    await update(admin, tenancy, { inviteMessageAppendix: 'Welcome aboard.' });
    const events = await policyEvents(tenancy);
    expect(events.map((e) => [e.payload.version, e.payload.inviteExpiryDays, e.payload.inviteMessageAppendix])).toEqual(
      [
        [2, 30, null],
        [3, 30, 'Welcome aboard.'],
      ],
    );
  });

  it('stores the appendix as plain text: trimmed, line ends made \\n, template syntax left alone', async () => {
    const { tenancy, admin } = await newTenancy();
    const updated = await update(admin, tenancy, { inviteMessageAppendix: '  {{hub}} <b>hi</b>\r\nline two\r  ' });
    expect(updated.inviteMessageAppendix).toBe('{{hub}} <b>hi</b>\nline two');
  });

  describe('refuses a bad appendix, changing nothing and announcing nothing', () => {
    const refusals: [string, string, string][] = [
      ['an empty one', '', ERROR_CODES.POLICY_APPENDIX_BLANK],
      ['one of white space only', ' \n\t\r\n ', ERROR_CODES.POLICY_APPENDIX_BLANK],
      ['one over 2000 characters', 'x'.repeat(MAX_APPENDIX_LENGTH + 1), ERROR_CODES.POLICY_APPENDIX_TOO_LONG],
      ['one of 2001 emoji', '🙂'.repeat(MAX_APPENDIX_LENGTH + 1), ERROR_CODES.POLICY_APPENDIX_TOO_LONG],
    ];

    it.each(refusals)('%s', async (_label, appendix, code) => {
      const { tenancy, admin } = await newTenancy();
      await update(admin, tenancy, { inviteMessageAppendix: 'The current text.' });
      const before = await get(admin, tenancy);

      // The expiry in the same request is not applied either: the request is refused whole.
      await expect(
        update(admin, tenancy, { inviteMessageAppendix: appendix, inviteExpiryDays: 3 }),
      ).rejects.toMatchObject({
        code,
        message: expect.stringMatching(/appendix/),
      });

      expect(await get(admin, tenancy)).toEqual(before);
      expect((await policyEvents(tenancy)).map((e) => e.payload.version)).toEqual([2]);
    });

    it('says how long it is and what the limit is', async () => {
      const { tenancy, admin } = await newTenancy();
      await expect(update(admin, tenancy, { inviteMessageAppendix: 'x'.repeat(2345) })).rejects.toMatchObject({
        code: ERROR_CODES.POLICY_APPENDIX_TOO_LONG,
        message: expect.stringMatching(/2345.*2000/),
        details: { length: 2345, limit: MAX_APPENDIX_LENGTH },
      });
    });
  });

  it('takes exactly 2000 characters, counted as a person counts them (emoji are one each)', async () => {
    const { tenancy, admin } = await newTenancy();
    const emoji = '🙂'.repeat(MAX_APPENDIX_LENGTH);
    await expect(update(admin, tenancy, { inviteMessageAppendix: emoji })).resolves.toMatchObject({
      inviteMessageAppendix: emoji,
    });
    const letters = 'y'.repeat(MAX_APPENDIX_LENGTH);
    await expect(update(admin, tenancy, { inviteMessageAppendix: letters })).resolves.toMatchObject({
      inviteMessageAppendix: letters,
    });
  });

  it('null switches the appendix off, and says so in the event', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, { inviteMessageAppendix: 'Temporary notice.' });
    const off = await update(admin, tenancy, { inviteMessageAppendix: null });
    expect(off).toMatchObject({ inviteMessageAppendix: null, version: 3 });
    const events = await policyEvents(tenancy);
    expect(events.map((e) => e.payload.inviteMessageAppendix)).toEqual(['Temporary notice.', null]);
  });

  it('leaves the appendix alone when the request does not mention it', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, { inviteMessageAppendix: 'Keep me.' });
    await expect(update(admin, tenancy, { inviteExpiryDays: 21 })).resolves.toMatchObject({
      inviteMessageAppendix: 'Keep me.',
      inviteExpiryDays: 21,
    });
  });

  it('a request that changes nothing keeps the version and announces nothing', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, { inviteMessageAppendix: 'Same.', inviteExpiryDays: 10 });
    await expect(
      update(admin, tenancy, { inviteMessageAppendix: '  Same.  ', inviteExpiryDays: 10 }),
    ).resolves.toMatchObject({ version: 2 });
    await expect(update(admin, tenancy, {})).resolves.toMatchObject({ version: 2 });
    expect(await policyEvents(tenancy)).toHaveLength(1);
  });

  it('refuses an expiry outside 1–90 days, naming the field', async () => {
    const { tenancy, admin } = await newTenancy();
    for (const days of [0, 91, 1.5]) {
      await expect(update(admin, tenancy, { inviteExpiryDays: days })).rejects.toMatchObject({
        code: ERROR_CODES.VALIDATION_FAILED,
        message: expect.stringMatching(/inviteExpiryDays/),
      });
    }
    expect(await get(admin, tenancy)).toMatchObject({ inviteExpiryDays: 14, version: 1 });
  });

  it('refuses an appendix that is not text', async () => {
    const { tenancy, admin } = await newTenancy();
    await expect(update(admin, tenancy, { inviteMessageAppendix: 42 as unknown as string })).rejects.toMatchObject({
      code: ERROR_CODES.VALIDATION_FAILED,
      message: expect.stringMatching(/inviteMessageAppendix/),
    });
  });

  it('the switch turns the appendix off and keeps its text; on again brings the same text back', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, {
      inviteMessageAppendixEnabled: true,
      inviteMessageAppendixText: 'Ask <b>IT</b> & co.',
    });
    const off = await update(admin, tenancy, { inviteMessageAppendixEnabled: false });
    expect(off).toMatchObject({
      inviteMessageAppendix: null,
      inviteMessageAppendixEnabled: false,
      inviteMessageAppendixText: 'Ask <b>IT</b> & co.',
      version: 3,
    });
    // Editing the kept text while off changes the policy but not what emails carry.
    await update(admin, tenancy, { inviteMessageAppendixText: 'Ask IT.' });
    const on = await update(admin, tenancy, { inviteMessageAppendixEnabled: true });
    expect(on).toMatchObject({ inviteMessageAppendix: 'Ask IT.', inviteMessageAppendixEnabled: true, version: 5 });
    const events = await policyEvents(tenancy);
    expect(events.map((e) => e.payload.inviteMessageAppendix)).toEqual(['Ask <b>IT</b> & co.', null, null, 'Ask IT.']);

    const audit = await hub.call(HUB_PATTERNS.AUDIT_LIST, { actor: admin, tenancyId: tenancy.id, limit: 1 });
    expect(audit.items[0]).toMatchObject({
      action: 'policy.changed',
      actorAccountId: admin.accountId,
      details: {
        before: {
          inviteMessageAppendix: null,
          inviteMessageAppendixEnabled: false,
          inviteMessageAppendixText: 'Ask IT.',
        },
        after: {
          inviteMessageAppendix: 'Ask IT.',
          inviteMessageAppendixEnabled: true,
          inviteMessageAppendixText: 'Ask IT.',
        },
      },
    });
  });

  it('the older single field still works: null switches off and keeps the text', async () => {
    const { tenancy, admin } = await newTenancy();
    await update(admin, tenancy, { inviteMessageAppendix: 'Kept.' });
    await expect(update(admin, tenancy, { inviteMessageAppendix: null })).resolves.toMatchObject({
      inviteMessageAppendix: null,
      inviteMessageAppendixEnabled: false,
      inviteMessageAppendixText: 'Kept.',
    });
  });

  it('refuses to switch on without a text, and the two ways of saying it at once; nothing changes', async () => {
    const { tenancy, admin } = await newTenancy();
    await expect(update(admin, tenancy, { inviteMessageAppendixEnabled: true })).rejects.toMatchObject({
      code: ERROR_CODES.POLICY_APPENDIX_BLANK,
      message: expect.stringMatching(/switch the appendix off/),
    });
    await expect(
      update(admin, tenancy, { inviteMessageAppendixEnabled: true, inviteMessageAppendixText: '   ' }),
    ).rejects.toMatchObject({ code: ERROR_CODES.POLICY_APPENDIX_BLANK });
    await expect(
      update(admin, tenancy, { inviteMessageAppendix: 'One way', inviteMessageAppendixEnabled: true }),
    ).rejects.toMatchObject({ code: ERROR_CODES.VALIDATION_FAILED, message: expect.stringMatching(/not both/) });
    expect(await get(admin, tenancy)).toMatchObject({ inviteMessageAppendixEnabled: false, version: 1 });
  });

  it('lists tenancies with their numbers of tenant admins and Hubs', async () => {
    const { tenancy, admin } = await newTenancy();
    const counted = await hub.createHub(tenancy.id, admin);
    const second = makeActor('Second Admin');
    await hub.call(HUB_PATTERNS.TENANT_ADMIN_ADD, {
      actor: admin,
      tenancyId: tenancy.id,
      admin: profileOf(second),
    });
    const own = await hub.call(HUB_PATTERNS.TENANCY_LIST, { actor: second, limit: 10 });
    expect(own.items).toEqual([expect.objectContaining({ id: tenancy.id, adminCount: 2, hubCount: 1 })]);

    // The console's Hubs page: every Hub of the tenancy with its member count, also for a non-member admin.
    await hub.addMember(counted, makeActor('Member One'), 'EXTERNAL_MEMBER');
    const hubs = await hub.call(HUB_PATTERNS.TENANCY_HUB_LIST, { actor: second, tenancyId: tenancy.id });
    expect(hubs).toMatchObject({ total: 1, items: [{ id: counted.id, memberCount: 2, membership: null }] });
    // "Open" from the console: a tenant admin who is no member reads the Hub's members (everyone).
    const members = await hub.call(HUB_PATTERNS.MEMBER_LIST, { actor: second, hubId: counted.id });
    expect(members.items.map((m) => m.displayName)).toEqual(['Member One', admin.displayName]);
    const { admin: stranger } = await newTenancy();
    await expect(
      hub.call(HUB_PATTERNS.TENANCY_HUB_LIST, { actor: stranger, tenancyId: tenancy.id }),
    ).rejects.toMatchObject({ code: ERROR_CODES.TENANCY_NOT_FOUND });
    await expect(hub.call(HUB_PATTERNS.MEMBER_LIST, { actor: stranger, hubId: counted.id })).rejects.toMatchObject({
      code: ERROR_CODES.HUB_NOT_FOUND,
    });
  });
});
