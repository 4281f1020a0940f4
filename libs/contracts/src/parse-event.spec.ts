import { randomUUID } from 'node:crypto';
import { HUB_EVENTS } from './hub';
import { MAX_EVENT_RECIPIENTS } from './event-rules';
import { INVITE_EVENTS, InvitesIssuedPayload } from './invite';
import { parseEvent } from './parse-event';

const envelope = (payload: unknown, name: string = INVITE_EVENTS.CREATED) => ({
  id: randomUUID(),
  name,
  occurredAt: new Date().toISOString(),
  correlationId: null,
  payload,
});

const invites = () => ({
  hubId: randomUUID(),
  hubName: 'Apollo',
  tenancyId: randomUUID(),
  inviterAccountId: randomUUID(),
  inviterName: 'Ada',
  userType: 'TEAM_MEMBER',
  invites: [
    {
      inviteId: randomUUID() as string,
      email: 'g@example.com',
      acceptUrl: 'http://localhost:3000/a?t=1',
      expiresAt: '2026-12-10T00:00:00Z',
    },
  ],
});

describe('parseEvent', () => {
  it('returns the envelope with a checked payload (unknown fields dropped)', async () => {
    const event = await parseEvent(INVITE_EVENTS.CREATED, envelope({ ...invites(), extra: 'x' }));
    expect(event.payload).toBeInstanceOf(InvitesIssuedPayload);
    expect(event.payload.invites[0].email).toBe('g@example.com');
    expect((event.payload as unknown as Record<string, unknown>).extra).toBeUndefined();
  });

  it('names the event and every problem when the payload is malformed', async () => {
    const data = envelope({ ...invites(), userType: 'ADMIN', invites: [{ email: 'nope' }] });
    await expect(parseEvent(INVITE_EVENTS.CREATED, data)).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
      message: expect.stringMatching(
        new RegExp(
          `^Malformed event ${data.id} \\(invite.invite.created\\): .*userType.*invites\\.0\\.email must be an email`,
        ),
      ),
    });
  });

  it('accepts every address Gatehouse itself accepts, and nothing that could add a recipient', async () => {
    const withEmail = (email: string) => {
      const payload = invites();
      payload.invites[0].email = email;
      return envelope(payload);
    };
    await expect(parseEvent(INVITE_EVENTS.CREATED, withEmail('x@mail.e'))).resolves.toBeDefined();
    for (const bad of ['a@example.com, b@example.com', 'a@example.com\r\nBcc: b@example.com', 'no-at-sign']) {
      await expect(parseEvent(INVITE_EVENTS.CREATED, withEmail(bad))).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
      });
    }
  });

  it('refuses a missing envelope', async () => {
    await expect(parseEvent(INVITE_EVENTS.CREATED, 'text')).rejects.toMatchObject({
      message: expect.stringMatching(/^Malformed event envelope: /),
    });
  });

  it('accepts a policy with the appendix off (null) but not missing', async () => {
    const policy = {
      tenancyId: randomUUID(),
      inviteMessageAppendix: null,
      inviteExpiryDays: 14,
      version: 2,
      changedBy: '00000000-0000-0000-0000-000000000000',
      updatedAt: new Date().toISOString(),
    };
    await expect(
      parseEvent(HUB_EVENTS.POLICY_CHANGED, envelope(policy, HUB_EVENTS.POLICY_CHANGED)),
    ).resolves.toBeDefined();
    const { inviteMessageAppendix: _dropped, ...missing } = policy;
    await expect(
      parseEvent(HUB_EVENTS.POLICY_CHANGED, envelope(missing, HUB_EVENTS.POLICY_CHANGED)),
    ).rejects.toMatchObject({
      message: expect.stringContaining('inviteMessageAppendix'),
    });
  });

  it('refuses an event delivered under another name than its envelope says', async () => {
    const data = envelope(invites(), INVITE_EVENTS.RESENT);
    await expect(parseEvent(INVITE_EVENTS.CREATED, data)).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
      message: `Malformed event ${data.id} (invite.invite.resent): delivered as invite.invite.created.`,
    });
  });

  describe('long item lists (checked in one pass, kept as plain objects)', () => {
    const manyInvites = (count: number) => {
      const payload = invites();
      const [first] = payload.invites;
      payload.invites = Array.from({ length: count }, (_, i) => ({ ...first, email: `g${i}@example.com` }));
      return payload;
    };

    it('names the first invite at fault and each of its fields at fault', async () => {
      const payload = manyInvites(1000);
      payload.invites[537] = { ...payload.invites[537], acceptUrl: 'ftp://x', expiresAt: 'soon' };
      payload.invites[900] = { ...payload.invites[900], inviteId: 'not-a-uuid' };
      const data = envelope(payload);
      await expect(parseEvent(INVITE_EVENTS.CREATED, data)).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
        message:
          `Malformed event ${data.id} (invite.invite.created): invites.537.acceptUrl must be an absolute http(s) URL; ` +
          'invites.537.expiresAt must be a valid ISO 8601 date string.',
      });
    });

    it('drops unknown fields of each item, as the whitelist does', async () => {
      const payload = manyInvites(3);
      payload.invites[1] = { ...payload.invites[1], extra: 'x' } as (typeof payload.invites)[number];
      const event = await parseEvent(INVITE_EVENTS.CREATED, envelope(payload));
      expect(event.payload.invites).toHaveLength(3);
      expect(event.payload.invites[1]).toEqual({ ...payload.invites[0], email: 'g1@example.com' });
    });

    it('refuses an empty list, a list over MAX_EVENT_RECIPIENTS and an item that is not an object', async () => {
      for (const list of [[], manyInvites(MAX_EVENT_RECIPIENTS + 1).invites, ['text']]) {
        await expect(
          parseEvent(INVITE_EVENTS.CREATED, envelope({ ...invites(), invites: list })),
        ).rejects.toMatchObject({
          message: expect.stringMatching(/: invites(\.0 must be an object| must be a list of 1 to 10000 items)\.$/),
        });
      }
    });

    it('checks the members of hub.member.added the same way', async () => {
      const member = { accountId: randomUUID(), email: 'm@example.com', displayName: 'M' };
      const payload = { hubId: randomUUID(), tenancyId: randomUUID(), hubName: 'Apollo', userType: 'TEAM_MEMBER' };
      const members = [member, { ...member, email: 'a@example.com, b@example.com' }];
      await expect(
        parseEvent(HUB_EVENTS.MEMBERS_ADDED, envelope({ ...payload, members }, HUB_EVENTS.MEMBERS_ADDED)),
      ).rejects.toMatchObject({ message: expect.stringContaining('members.1.email must be an email address.') });
      const event = await parseEvent(
        HUB_EVENTS.MEMBERS_ADDED,
        envelope({ ...payload, members: [member] }, HUB_EVENTS.MEMBERS_ADDED),
      );
      expect(event.payload.members).toEqual([member]);
    });
  });
});
