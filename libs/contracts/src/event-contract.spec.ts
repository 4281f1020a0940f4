import { randomUUID } from 'node:crypto';
import { EVENT_CONTRACTS, EventName, EventPayload } from './event-contract';
import { HUB_EVENTS } from './hub';
import { ACCOUNT_EVENTS, INVITE_EVENTS, REGISTRATION_LINK_EVENTS, SIGNUP_EVENTS } from './invite';
import { parseEvent } from './parse-event';

const id = () => randomUUID();
const member = () => ({ accountId: id(), email: 'bo@example.com', displayName: 'Bo' });
const membership = () => ({
  hubId: id(),
  accountId: id(),
  email: 'bo@example.com',
  displayName: 'Bo',
  userType: 'TEAM_MEMBER' as const,
  isHubAdmin: false,
  canInvite: true,
  joinedAt: new Date().toISOString(),
});
const issued = () => ({
  hubId: id(),
  hubName: 'Apollo',
  tenancyId: id(),
  inviterAccountId: id(),
  inviterName: 'Ada',
  userType: 'TEAM_MEMBER' as const,
  invites: [
    { inviteId: id(), email: 'g@example.com', acceptUrl: 'https://x.example/a?t=1', expiresAt: '2026-12-10T00:00:00Z' },
  ],
});
const stateChanged = () => ({
  hubId: id(),
  tenancyId: id(),
  actorAccountId: null,
  invites: [{ inviteId: id(), email: 'g@example.com', userType: 'EXTERNAL_MEMBER' as const }],
  reason: 'expired',
});
const settings = () => ({
  enabled: true,
  userType: 'TEAM_MEMBER' as const,
  expiresAt: null,
  maxUses: 10,
  allowedDomains: ['example.com'],
});
const linkBase = () => ({ hubId: id(), tenancyId: id(), actorAccountId: id(), linkId: id() });

/** One valid payload of every event; typed by the map, so a missing or mistyped one does not compile. */
const VALID: { [N in EventName]: EventPayload<N> } = {
  [HUB_EVENTS.MEMBERS_ADDED]: {
    hubId: id(),
    tenancyId: id(),
    hubName: 'Apollo',
    userType: 'TEAM_MEMBER',
    addedBy: null,
    members: [member()],
    notice: { addedByName: 'Ada', signInUrl: 'http://localhost:3000/sign-in' },
  },
  [HUB_EVENTS.MEMBER_REMOVED]: { hubId: id(), tenancyId: id(), accountId: id(), removedBy: id() },
  [HUB_EVENTS.MEMBER_CHANGED]: {
    hubId: id(),
    tenancyId: id(),
    changedBy: id(),
    before: membership(),
    after: { ...membership(), canInvite: false },
  },
  [HUB_EVENTS.POLICY_CHANGED]: {
    tenancyId: id(),
    inviteMessageAppendix: 'Welcome',
    inviteExpiryDays: 14,
    version: 3,
    changedBy: id(),
    updatedAt: new Date().toISOString(),
  },
  [INVITE_EVENTS.CREATED]: issued(),
  [INVITE_EVENTS.RESENT]: { ...issued(), actorAccountId: id() },
  [INVITE_EVENTS.REVOKED]: { ...stateChanged(), actorAccountId: id(), reason: 'inviter_removed' },
  [INVITE_EVENTS.ACCEPTED]: { ...stateChanged(), actorAccountId: id() },
  [INVITE_EVENTS.EXPIRED]: stateChanged(),
  [INVITE_EVENTS.LINK_RENEWED]: { ...stateChanged(), actorAccountId: id() },
  [INVITE_EVENTS.MEMBER_ADDED]: {
    hubId: id(),
    hubName: 'Apollo',
    tenancyId: id(),
    addedByAccountId: id(),
    addedByName: 'Ada',
    userType: 'EXTERNAL_MEMBER',
    signInUrl: 'https://x.example/sign-in',
    members: [member()],
    noticeByHub: true,
  },
  [ACCOUNT_EVENTS.CREATED]: member(),
  [REGISTRATION_LINK_EVENTS.ENABLED]: { ...linkBase(), settings: settings() },
  [REGISTRATION_LINK_EVENTS.DISABLED]: { ...linkBase(), settings: { ...settings(), enabled: false } },
  [REGISTRATION_LINK_EVENTS.ROTATED]: { ...linkBase(), settings: settings() },
  [REGISTRATION_LINK_EVENTS.UPDATED]: {
    ...linkBase(),
    changes: [{ field: 'maxUses', from: null, to: 10 }],
    settings: settings(),
  },
  [REGISTRATION_LINK_EVENTS.USED]: {
    ...linkBase(),
    accountId: id(),
    email: 'bo@example.com',
    displayName: 'Bo',
    userType: 'TEAM_MEMBER',
    useCount: 1,
    maxUses: null,
  },
  [SIGNUP_EVENTS.CONFIRMATION_REQUESTED]: {
    signupId: id(),
    linkId: id(),
    hubId: id(),
    hubName: 'Apollo',
    tenancyId: id(),
    email: 'new@example.com',
    displayName: 'New',
    userType: 'TEAM_MEMBER',
    confirmUrl: 'https://x.example/join/confirm?t=1',
    expiresAt: new Date().toISOString(),
  },
};

const envelope = (name: string, payload: unknown) => ({
  id: randomUUID(),
  name,
  occurredAt: new Date().toISOString(),
  correlationId: null,
  payload,
});

/** Each event's payload spoiled where a consumer relies on it. */
const spoiled = (payload: object): object => {
  const bad: Record<string, unknown> = { ...payload };
  for (const key of ['tenancyId', 'signupId', 'accountId']) if (key in bad) bad[key] = 'not-an-id';
  return bad;
};

const names = Object.keys(EVENT_CONTRACTS) as EventName[];

describe('EVENT_CONTRACTS', () => {
  it.each(names)('%s: a valid payload passes as an instance of its class, with what it carried', async (name) => {
    const event = await parseEvent(name, envelope(name, JSON.parse(JSON.stringify(VALID[name]))));
    expect(event.payload).toBeInstanceOf(EVENT_CONTRACTS[name]);
    expect(JSON.parse(JSON.stringify(event.payload))).toEqual(JSON.parse(JSON.stringify(VALID[name])));
  });

  it.each(names)('%s: a bad payload is refused, naming the field', async (name) => {
    const data = envelope(name, spoiled(VALID[name]));
    await expect(parseEvent(name, data)).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
      message: expect.stringMatching(
        new RegExp(`^Malformed event ${data.id} \\(${name}\\): .*(tenancyId|signupId|accountId)`),
      ),
    });
  });

  it.each(names)('%s: an empty payload is refused', async (name) => {
    await expect(parseEvent(name, envelope(name, {}))).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  });

  it('refuses a nested item that is not what the event promises', async () => {
    const payload = { ...VALID[HUB_EVENTS.MEMBER_CHANGED], after: { ...membership(), isHubAdmin: 'yes' } };
    await expect(
      parseEvent(HUB_EVENTS.MEMBER_CHANGED, envelope(HUB_EVENTS.MEMBER_CHANGED, payload)),
    ).rejects.toMatchObject({
      message: expect.stringContaining('after.isHubAdmin'),
    });
  });
});
