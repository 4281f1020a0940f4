import { InviteRow } from '../domain/invite-row';
import { InviteBatch, InviteBatchDecider } from './invite-batch.decider';

const HUB_ID = '11111111-1111-4111-8111-111111111111';
const INVITER = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function batch(emails: string[], resend: InviteBatch['resend'] = 'none'): InviteBatch {
  return {
    hub: { id: HUB_ID, name: 'Apollo', tenancyId: '22222222-2222-4222-8222-222222222222' },
    inviter: { accountId: INVITER, name: 'Ada' },
    userType: 'TEAM_MEMBER',
    expiryDays: 14,
    emails,
    resend,
  };
}

/** A decider whose data access answers from fixed state; every write would throw. */
function deciderOver(state: {
  accounts: Record<string, string>;
  members: string[];
  pending: { email: string; lapsed: boolean; inviter: string }[];
}) {
  const forbidden = () => {
    throw new Error('preview wrote something');
  };
  const accounts = {
    lookup: jest.fn(async (emails: string[]) => ({
      invalid: [],
      registered: emails
        .filter((email) => state.accounts[email])
        .map((email) => ({ email, accountId: state.accounts[email], displayName: email })),
    })),
  };
  const invites = {
    findPendingFor: jest.fn(async (_manager: unknown, _hubId: string, emails: string[]) =>
      state.pending
        .filter((row) => emails.includes(row.email))
        .map((row) => ({ email: row.email, lapsed: row.lapsed, inviter_account_id: row.inviter }) as InviteRow),
    ),
    insertPending: jest.fn(forbidden),
    expireLapsedFor: jest.fn(forbidden),
  };
  const hubs = {
    findMembers: jest.fn(
      async (_hubId: string, ids: string[]) => new Set(ids.filter((id) => state.members.includes(id))),
    ),
    addMembers: jest.fn(forbidden),
  };
  const dataSource = { manager: {}, transaction: jest.fn(forbidden), query: jest.fn(forbidden) };
  const outbox = { add: jest.fn(forbidden) };
  const decider = new InviteBatchDecider(
    dataSource as never,
    accounts as never,
    invites as never,
    hubs as never,
    outbox as never,
    {} as never,
  );
  return { decider, hubs, invites };
}

describe('InviteBatchDecider.preview (the dry run)', () => {
  const state = {
    accounts: { 'member@x.example': 'm-1', 'new-member@x.example': 'm-2' },
    members: ['m-1'],
    pending: [
      { email: 'live@x.example', lapsed: false, inviter: 'someone-else' },
      { email: 'mine@x.example', lapsed: false, inviter: INVITER },
      { email: 'lapsed@x.example', lapsed: true, inviter: INVITER },
    ],
  };
  const emails = [
    'member@x.example',
    'new-member@x.example',
    'live@x.example',
    'mine@x.example',
    'lapsed@x.example',
    'fresh@x.example',
  ];

  it('answers as decide() would, through the same data access, writing nothing', async () => {
    const { decider, hubs, invites } = deciderOver(state);
    const decisions = await decider.preview(batch([...emails, 'fresh@x.example']));
    expect(
      Object.fromEntries(decisions.map((d) => [d.email, d.outcome === 'invited' ? d.emailSent : d.outcome])),
    ).toEqual({
      'member@x.example': 'already_member',
      'new-member@x.example': 'added',
      'live@x.example': false,
      'mine@x.example': false,
      'lapsed@x.example': true,
      'fresh@x.example': true,
    });
    expect(hubs.findMembers).toHaveBeenCalledWith(HUB_ID, ['m-1', 'm-2']);
    expect(invites.findPendingFor).toHaveBeenCalledTimes(1);
  });

  it('foresees a resend within the batch scope', async () => {
    const { decider } = deciderOver(state);
    const own = await decider.preview(batch(emails, 'own'));
    const sent = (all: typeof own, email: string) => all.find((d) => d.email === email);
    expect(sent(own, 'mine@x.example')).toMatchObject({ outcome: 'invited', emailSent: true });
    expect(sent(own, 'live@x.example')).toMatchObject({ outcome: 'invited', emailSent: false });
    const all = await decider.preview(batch(emails, 'all'));
    expect(sent(all, 'live@x.example')).toMatchObject({ outcome: 'invited', emailSent: true });
  });
});
