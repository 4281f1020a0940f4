import { randomUUID } from 'node:crypto';
import { InvitesIssuedPayloadDto } from './invites-issued.payload';
import { parseEvent } from './parse-event';
import { PolicyChangedPayloadDto } from './policy-changed.payload';

const envelope = (payload: unknown) => ({
  id: randomUUID(),
  name: 'invite.invite.created',
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
      inviteId: randomUUID(),
      email: 'g@example.com',
      acceptUrl: 'http://localhost:3000/a?t=1',
      expiresAt: '2026-12-10T00:00:00Z',
    },
  ],
});

describe('parseEvent', () => {
  it('returns the envelope with a checked payload (unknown fields dropped)', async () => {
    const event = await parseEvent(InvitesIssuedPayloadDto, envelope({ ...invites(), extra: 'x' }));
    expect(event.payload).toBeInstanceOf(InvitesIssuedPayloadDto);
    expect(event.payload.invites[0].email).toBe('g@example.com');
    expect((event.payload as unknown as Record<string, unknown>).extra).toBeUndefined();
  });

  it('names the event and every problem when the payload is malformed', async () => {
    const data = envelope({ ...invites(), userType: 'ADMIN', invites: [{ email: 'nope' }] });
    await expect(parseEvent(InvitesIssuedPayloadDto, data)).rejects.toMatchObject({
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
    await expect(parseEvent(InvitesIssuedPayloadDto, withEmail('x@mail.e'))).resolves.toBeDefined();
    for (const bad of ['a@example.com, b@example.com', 'a@example.com\r\nBcc: b@example.com', 'no-at-sign']) {
      await expect(parseEvent(InvitesIssuedPayloadDto, withEmail(bad))).rejects.toMatchObject({
        code: 'VALIDATION.FAILED',
      });
    }
  });

  it('refuses a missing envelope', async () => {
    await expect(parseEvent(InvitesIssuedPayloadDto, 'text')).rejects.toMatchObject({
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
    await expect(parseEvent(PolicyChangedPayloadDto, envelope(policy))).resolves.toBeDefined();
    const { inviteMessageAppendix: _dropped, ...missing } = policy;
    await expect(parseEvent(PolicyChangedPayloadDto, envelope(missing))).rejects.toMatchObject({
      message: expect.stringContaining('inviteMessageAppendix'),
    });
  });
});
