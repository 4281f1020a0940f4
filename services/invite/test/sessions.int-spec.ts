import { ACCOUNT_PATTERNS, ERROR_CODES } from '@gatehouse/contracts';
import { queryTestDb } from '@gatehouse/testing';
import { createHash } from 'node:crypto';
import { InviteHousekeeping } from '../src/housekeeping/invite-housekeeping.worker';
import { InviteFixture, TestAccount } from './invite-fixture';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

describe('browser sessions (invite.account.session.*)', () => {
  const f = new InviteFixture({ inviteEnv: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' } });
  let ada: TestAccount;

  beforeAll(async () => {
    await f.start();
    ada = await f.account('Ada Session');
  });
  afterAll(() => f.stop());

  const sessionRow = async (token: string) =>
    (
      await queryTestDb<{
        account_id: string;
        csrf_token: string;
        expires_at: Date;
        created_at: Date;
        ended_at: Date | null;
      }>('SELECT account_id, csrf_token, expires_at, created_at, ended_at FROM invite.sessions WHERE token_hash = $1', [
        hashOf(token),
      ])
    )[0];

  it('starts a session that resolves to the account, keeping only the token hash', async () => {
    const started = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    expect(started.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(started.csrfToken).not.toBe(started.token);
    expect(started.account).toMatchObject({ id: ada.accountId, email: ada.email, displayName: 'Ada Session' });

    const row = await sessionRow(started.token);
    expect(row.account_id).toBe(ada.accountId);
    expect(row.expires_at.getTime() - row.created_at.getTime()).toBe(12 * 3600_000);
    expect(new Date(started.expiresAt).getTime()).toBe(row.expires_at.getTime());
    const stored = await queryTestDb<{ n: number }>(
      'SELECT count(*)::int AS n FROM invite.sessions WHERE token_hash = $1',
      [started.token],
    );
    expect(stored[0].n).toBe(0);

    const resolved = await f.call(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token: started.token });
    expect(resolved).toEqual({ account: started.account, csrfToken: started.csrfToken, expiresAt: started.expiresAt });
  });

  it('refuses a session for an account that does not exist', async () => {
    const failure = await f.failure(ACCOUNT_PATTERNS.SESSION_START, {
      accountId: '00000000-0000-4000-8000-000000000000',
    });
    expect(failure.code).toBe(ERROR_CODES.ACCOUNT_NOT_FOUND);
  });

  it.each([
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed token', 'not a token'],
  ])('refuses %s with AUTH.REQUIRED', async (_label, token) => {
    const failure = await f.failure(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token });
    expect(failure.code).toBe(ERROR_CODES.AUTH_REQUIRED);
  });

  it('ends a session: it no longer resolves, and ending it again is harmless', async () => {
    const { token } = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    expect(await f.call(ACCOUNT_PATTERNS.SESSION_END, { token })).toEqual({ ended: true });
    expect((await sessionRow(token)).ended_at).not.toBeNull();
    expect((await f.failure(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token })).code).toBe(ERROR_CODES.AUTH_REQUIRED);
    expect(await f.call(ACCOUNT_PATTERNS.SESSION_END, { token })).toEqual({ ended: false });
  });

  it('ends every session of one account and no other', async () => {
    const other = await f.account('Otto Other');
    const first = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    const second = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    const others = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: other.accountId });
    const { ended } = await f.call(ACCOUNT_PATTERNS.SESSION_END_ALL, { accountId: ada.accountId });
    expect(ended).toBeGreaterThanOrEqual(2);
    for (const { token } of [first, second]) {
      expect((await f.failure(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token })).code).toBe(ERROR_CODES.AUTH_REQUIRED);
    }
    expect((await f.call(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token: others.token })).account.id).toBe(other.accountId);
  });

  it('ends a session left idle longer than SESSION_IDLE_MINUTES, and slides the timeout on use', async () => {
    const idle = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    const used = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    // Both were last seen 29 minutes ago; one is used now, which counts as activity.
    await queryTestDb(
      `UPDATE invite.sessions SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = ANY($1)`,
      [[hashOf(idle.token), hashOf(used.token)]],
    );
    await f.call(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token: used.token });
    // Two more minutes pass: the unused one is now 31 minutes idle, the used one 2.
    await queryTestDb(
      `UPDATE invite.sessions SET last_seen_at = last_seen_at - interval '2 minutes' WHERE token_hash = ANY($1)`,
      [[hashOf(idle.token), hashOf(used.token)]],
    );
    expect((await f.failure(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token: idle.token })).code).toBe(
      ERROR_CODES.AUTH_REQUIRED,
    );
    expect((await f.call(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token: used.token })).account.id).toBe(ada.accountId);
  });

  it('ends a session at its absolute expiry however busy it is', async () => {
    const { token } = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    await queryTestDb(`UPDATE invite.sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      hashOf(token),
    ]);
    expect((await f.failure(ACCOUNT_PATTERNS.SESSION_RESOLVE, { token })).code).toBe(ERROR_CODES.AUTH_REQUIRED);
  });

  it('housekeeping deletes sessions that ended more than a day ago, and keeps live ones', async () => {
    const live = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    const old = await f.call(ACCOUNT_PATTERNS.SESSION_START, { accountId: ada.accountId });
    await queryTestDb(`UPDATE invite.sessions SET expires_at = now() - interval '25 hours' WHERE token_hash = $1`, [
      hashOf(old.token),
    ]);
    await f.app.get(InviteHousekeeping).runOnce();
    // Not the round's count: the service's own housekeeping loop may run a round at the same moment and
    // prune the row first (seen once in a full run), which is housekeeping working all the same.
    expect(await sessionRow(old.token)).toBeUndefined();
    expect(await sessionRow(live.token)).toBeDefined();
  });
});
