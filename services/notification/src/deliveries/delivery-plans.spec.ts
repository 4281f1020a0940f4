import {
  EventEnvelope,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  SignupConfirmationRequestedPayload,
} from '@gatehouse/contracts';
import { inviteDeliveries, memberAddedDeliveries, signupConfirmDeliveries } from './delivery-plans';

const envelope = (payload: unknown): EventEnvelope => ({
  id: 'e1',
  name: 'x',
  occurredAt: '2026-01-01T00:00:00Z',
  correlationId: 'c1',
  payload,
});

describe('delivery plans', () => {
  it('one invite email per invitee, each with only its own address and link', () => {
    const payload: InvitesIssuedPayload = {
      hubId: 'h',
      hubName: 'Apollo',
      tenancyId: 't',
      inviterAccountId: 'a',
      inviterName: 'Ada',
      userType: 'TEAM_MEMBER',
      invites: [
        { inviteId: 'i1', email: 'x@example.com', acceptUrl: 'https://g/1', expiresAt: '2026-02-01T00:00:00Z' },
        { inviteId: 'i2', email: 'y@example.com', acceptUrl: 'https://g/2', expiresAt: '2026-02-01T00:00:00Z' },
      ],
    };
    const batch = inviteDeliveries(envelope(payload), payload);
    expect(batch).toMatchObject({ eventId: 'e1', tenancyId: 't', hubId: 'h', correlationId: 'c1', template: 'invite' });
    expect(batch.items).toEqual([
      {
        recipient: 'x@example.com',
        vars: {
          hubName: 'Apollo',
          inviterName: 'Ada',
          inviteeEmail: 'x@example.com',
          acceptUrl: 'https://g/1',
          expiresAt: '2026-02-01T00:00:00Z',
          userType: 'TEAM_MEMBER',
          inviteId: 'i1',
        },
      },
      expect.objectContaining({ recipient: 'y@example.com' }),
    ]);
    expect(JSON.stringify(batch.items[0])).not.toContain('y@example.com');
  });

  it('one notice per added member', () => {
    const payload: MembersAddedNoticePayload = {
      hubId: 'h',
      hubName: 'Apollo',
      tenancyId: 't',
      addedByAccountId: 'a',
      addedByName: 'Ada',
      userType: 'EXTERNAL_MEMBER',
      signInUrl: 'https://g/sign-in',
      members: [{ accountId: 'm', email: 'm@example.com', displayName: 'M' }],
    };
    expect(memberAddedDeliveries(envelope(payload), payload)).toMatchObject({
      template: 'member-added',
      items: [
        {
          recipient: 'm@example.com',
          vars: {
            hubName: 'Apollo',
            memberEmail: 'm@example.com',
            userType: 'EXTERNAL_MEMBER',
            signInUrl: 'https://g/sign-in',
            addedByName: 'Ada',
          },
        },
      ],
    });
  });

  it('one verification email to the address that signed up', () => {
    const payload: SignupConfirmationRequestedPayload = {
      signupId: 's',
      linkId: 'l',
      hubId: 'h',
      hubName: 'Apollo',
      tenancyId: 't',
      email: 'n@example.com',
      displayName: 'Nia',
      userType: 'EXTERNAL_MEMBER',
      confirmUrl: 'https://g/join/confirm/abc',
      expiresAt: '2026-02-01T00:00:00Z',
    };
    expect(signupConfirmDeliveries(envelope(payload), payload)).toEqual({
      eventId: 'e1',
      tenancyId: 't',
      hubId: 'h',
      correlationId: 'c1',
      template: 'signup-confirm',
      items: [
        {
          recipient: 'n@example.com',
          vars: {
            hubName: 'Apollo',
            displayName: 'Nia',
            signupEmail: 'n@example.com',
            confirmUrl: 'https://g/join/confirm/abc',
            expiresAt: '2026-02-01T00:00:00Z',
            userType: 'EXTERNAL_MEMBER',
          },
        },
      ],
    });
  });
});
