import { ERROR_CODES } from '@gatehouse/contracts';
import { GatehouseSystem, HttpCallOptions, HttpResult, TenantAdminFixture, queryTestDb } from '@gatehouse/testing';
import { createHash } from 'node:crypto';

const SESSION_COOKIE = 'gatehouse_session';

/** The session cookie as the response set it: its value and its attributes, as a browser reads them. */
function sessionCookieOf(response: HttpResult): { value: string; attributes: string[] } | null {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1)), attributes };
}

/**
 * The web app's sign-in through the whole system (contracts.md §1): the cookie session, the CSRF check on
 * cookie-authenticated changes, bearer tokens unchanged, sign-out and expiry. (Needs `npm run build`.)
 */
describe('browser sessions, end to end', () => {
  const system = new GatehouseSystem({
    label: 'e2e-session',
    processes: ['hub', 'invite', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '12' },
  });
  let owner: TenantAdminFixture;

  beforeAll(async () => {
    await system.start();
    owner = await system.createTenantAdmin({
      email: 'cora.cookie@example.com',
      displayName: 'Cora Cookie',
      password: 'correct horse battery staple',
      tenancyName: 'Cookie Org',
    });
  }, 120_000);
  afterAll(() => system.stop());

  /** Signs in on the session endpoint; returns the cookie value and the session body. */
  async function signIn() {
    const response = await system.http.call('POST', '/api/v1/auth/session', {
      json: { email: owner.admin.email, password: owner.password },
    });
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers.getSetCookie())}`);
    return { cookie: cookie.value, body: response.body, response };
  }

  /** A request as the browser sends it: with the cookie, and the CSRF header when given. */
  const withCookie = (
    method: string,
    path: string,
    cookie: string,
    options: HttpCallOptions & { csrf?: string } = {},
  ) =>
    system.http.call(method, path, {
      ...options,
      headers: {
        cookie: `${SESSION_COOKIE}=${cookie}`,
        ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
        ...options.headers,
      },
    });

  it('signs in with a HttpOnly, SameSite=Lax cookie, and GET session answers who is signed in', async () => {
    const { cookie, body, response } = await signIn();
    const attributes = sessionCookieOf(response)!.attributes.map((a) => a.toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(attributes).not.toContain('secure'); // NODE_ENV=test; production adds Secure
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ account: { id: owner.admin.id, email: 'cora.cookie@example.com' } });
    expect(typeof body.csrfToken).toBe('string');
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(JSON.stringify(body)).not.toContain(cookie);

    const current = await withCookie('GET', '/api/v1/auth/session', cookie);
    expect(current.status).toBe(200);
    expect(current.body).toEqual(body);
    // Any /api/v1 endpoint takes the cookie; reading needs no CSRF token.
    const hubs = await withCookie('GET', '/api/v1/hubs', cookie);
    expect(hubs.status).toBe(200);
  });

  it('refuses a wrong password like POST /auth/sign-in does, and sets no cookie', async () => {
    const response = await system.http.call('POST', '/api/v1/auth/session', {
      json: { email: owner.admin.email, password: 'not the password at all' },
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(ERROR_CODES.AUTH_INVALID_CREDENTIALS);
    expect(sessionCookieOf(response)).toBeNull();
  });

  it('answers GET session without a cookie with 401 AUTH.REQUIRED', async () => {
    const response = await system.http.call('GET', '/api/v1/auth/session');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(ERROR_CODES.AUTH_REQUIRED);
  });

  it('refuses a cookie-authenticated change without the right X-CSRF-Token, and makes it with it', async () => {
    const { cookie, body } = await signIn();
    const create = (csrf?: string) =>
      withCookie('POST', '/api/v1/hubs', cookie, { csrf, json: { tenancyId: owner.tenancy.id, name: `Csrf ${csrf}` } });

    for (const csrf of [undefined, 'wrong', `${body.csrfToken}x`]) {
      const refused = await create(csrf);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: ERROR_CODES.AUTH_CSRF_FAILED,
        message: 'Your session check failed. Reload the page and try again.',
      });
    }
    const hubs = await withCookie('GET', '/api/v1/hubs', cookie);
    expect(hubs.body.items.some((hub: { name: string }) => hub.name.startsWith('Csrf'))).toBe(false);

    const made = await create(body.csrfToken);
    expect(made.status).toBe(201);
    const patched = await withCookie('PATCH', `/api/v1/tenancies/${owner.tenancy.id}/policy`, cookie, {
      json: { inviteMessageAppendix: 'Welcome aboard.' },
    });
    expect(patched.body.code).toBe(ERROR_CODES.AUTH_CSRF_FAILED);
  });

  it('keeps bearer tokens working without any CSRF token', async () => {
    const made = await system.http.call('POST', '/api/v1/hubs', {
      token: owner.token,
      json: { tenancyId: owner.tenancy.id, name: 'Bearer Hub' },
    });
    expect(made.status).toBe(201);
  });

  it('signs out: the session ends server-side, the cookie is cleared, and the old cookie gets 401', async () => {
    const { cookie, body } = await signIn();
    const withoutCsrf = await withCookie('DELETE', '/api/v1/auth/session', cookie);
    expect(withoutCsrf.body.code).toBe(ERROR_CODES.AUTH_CSRF_FAILED);

    const signOut = await withCookie('DELETE', '/api/v1/auth/session', cookie, { csrf: body.csrfToken });
    expect(signOut.status).toBe(204);
    const cleared = sessionCookieOf(signOut);
    expect(cleared?.value).toBe('');
    expect(cleared?.attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a))).toBe(true);

    for (const [method, path] of [
      ['GET', '/api/v1/auth/session'],
      ['GET', '/api/v1/hubs'],
    ]) {
      const after = await withCookie(method, path, cookie);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe(ERROR_CODES.AUTH_REQUIRED);
    }
  });

  it('refuses a session past its absolute expiry with 401', async () => {
    const { cookie } = await signIn();
    const hash = createHash('sha256').update(cookie).digest('hex');
    const updated = await queryTestDb<{ id: string }>(
      `UPDATE invite.sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1 RETURNING id`,
      [hash],
    );
    expect(updated).toHaveLength(1);
    const after = await withCookie('GET', '/api/v1/hubs', cookie);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe(ERROR_CODES.AUTH_REQUIRED);
  });

  it('rate-limits session sign-in like POST /auth/sign-in: 429 with Retry-After and how long to wait', async () => {
    let response: HttpResult | null = null;
    for (let attempt = 0; attempt < 15; attempt += 1) {
      response = await system.http.call('POST', '/api/v1/auth/session', {
        json: { email: owner.admin.email, password: 'not the password at all' },
      });
      if (response.status === 429) break;
    }
    expect(response?.status).toBe(429);
    const retryAfter = Number(response!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(response!.body).toEqual({
      code: ERROR_CODES.AUTH_RATE_LIMITED,
      message: `Too many attempts. Wait ${retryAfter} second${retryAfter === 1 ? '' : 's'} and try again.`,
    });
  });
});
