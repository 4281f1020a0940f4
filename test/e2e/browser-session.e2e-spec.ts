import { ERROR_CODES } from '@gatehouse/contracts';
import {
  GatehouseSystem,
  HttpCallOptions,
  HttpResult,
  SESSION_COOKIE,
  TenantAdminFixture,
  queryTestDb,
  sessionCookieOf,
  repoRoot,
} from '@gatehouse/testing';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

  it('is never cached, and signing in again on the same browser ends the session it had', async () => {
    const first = await signIn();
    expect(first.response.headers.get('cache-control')).toBe('no-store');
    expect((await withCookie('GET', '/api/v1/auth/session', first.cookie)).headers.get('cache-control')).toBe(
      'no-store',
    );

    const again = await withCookie('POST', '/api/v1/auth/session', first.cookie, {
      json: { email: owner.admin.email, password: owner.password },
    });
    expect(again.status).toBe(200);
    const second = sessionCookieOf(again)!.value;
    expect(second).not.toBe(first.cookie);
    expect((await withCookie('GET', '/api/v1/auth/session', first.cookie)).status).toBe(401);
    expect((await withCookie('GET', '/api/v1/auth/session', second)).status).toBe(200);
  });

  it('refuses a wrong password like POST /auth/sign-in does, and sets no cookie', async () => {
    const response = await system.http.call('POST', '/api/v1/auth/session', {
      json: { email: owner.admin.email, password: 'not the password at all' },
    });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe(ERROR_CODES.AUTH_INVALID_CREDENTIALS);
    expect(sessionCookieOf(response)).toBeNull();
  });

  it("refuses another site's form POSTs that would sign this browser in (login CSRF), and sets no cookie", async () => {
    const credentials = { email: owner.admin.email, password: owner.password };
    const fromElsewhere: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://attacker.example' },
    ];
    for (const headers of fromElsewhere) {
      const response = await system.http.call('POST', '/api/v1/auth/session', { form: credentials, headers });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe(ERROR_CODES.AUTH_CSRF_FAILED);
      expect(sessionCookieOf(response)).toBeNull();
      // The public pages that sign a new account in are refused before they look at the token.
      for (const page of ['/invite/some-token', '/join/confirm/some-token']) {
        const posted = await system.http.call('POST', page, { form: { password: 'x', displayName: 'x' }, headers });
        expect(posted.status).toBe(403);
        expect(sessionCookieOf(posted)).toBeNull();
      }
    }
    // Our own page (and a client that is not a browser) still signs in.
    const fromHere: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { origin: system.http.baseUrl },
      {},
    ];
    for (const headers of fromHere) {
      const response = await system.http.call('POST', '/api/v1/auth/session', { json: credentials, headers });
      expect(response.status).toBe(200);
      expect(sessionCookieOf(response)).not.toBeNull();
    }
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
    expect(sessionCookieOf(after)?.value).toBe(''); // the dead cookie is cleared
  });

  it('shares the sign-in rate limit with POST /auth/sign-in: 429 with Retry-After and how long to wait', async () => {
    const wrong = { email: owner.admin.email, password: 'not the password at all' };
    let bearer: HttpResult | null = null;
    for (let attempt = 0; attempt < 15 && bearer?.status !== 429; attempt += 1) {
      bearer = await system.http.call('POST', '/api/v1/auth/sign-in', { json: wrong });
    }
    expect(bearer?.status).toBe(429);
    // The other sign-in route counts the same attempts: no second allowance by switching.
    const response = await system.http.call('POST', '/api/v1/auth/session', { json: wrong });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(response.body).toEqual({
      code: ERROR_CODES.AUTH_RATE_LIMITED,
      message: `Too many attempts. Wait ${retryAfter} second${retryAfter === 1 ? '' : 's'} and try again.`,
    });
    expect(sessionCookieOf(response)).toBeNull();
  });

  describe('the web app and the headers', () => {
    const builtIndex = () => readFileSync(path.join(repoRoot(), 'dist/web/index.html'), 'utf8');

    it('sends a Content-Security-Policy without inline scripts, nosniff and same-origin referrers', async () => {
      for (const route of ['/', '/api/v1/hubs', '/api/docs-json', '/health/live']) {
        const response = await system.http.call('GET', route);
        const csp = response.headers.get('content-security-policy') ?? '';
        const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
        expect(scriptSrc?.trim()).toBe("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('same-origin');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
      }
    });

    it('serves the Swagger UI with no inline script, so it runs under the same policy', async () => {
      const docs = await system.http.call('GET', '/api/docs');
      expect(docs.status).toBe(200);
      expect(docs.text).toContain('swagger-ui-init.js');
      expect(docs.text).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
    });

    it("serves the app's index.html for client routes, uncached, and keeps unknown API paths JSON 404", async () => {
      for (const route of ['/', '/hubs', '/hubs/x/contacts', '/hubs/x/invite/mass/y']) {
        const page = await system.http.call('GET', route);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(page.headers.get('cache-control')).toBe('no-cache');
        expect(page.text).toBe(builtIndex());
      }
      const nope = await system.http.call('GET', '/api/v1/nope');
      expect(nope.status).toBe(404);
      expect(nope.body).toEqual({ code: ERROR_CODES.NOT_FOUND, message: 'No such resource.' });
      expect((await system.http.call('GET', '/invite/nope')).text).toContain('This invite link is not valid');
    });

    it('caches hashed assets for a year and answers a missing asset with 404, not the page', async () => {
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(builtIndex())?.[1];
      expect(asset).toBeDefined();
      const file = await system.http.call('GET', asset!);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(file.headers.get('content-type')).toMatch(/javascript/);
      expect((await system.http.call('GET', '/assets/missing-0000.js')).status).toBe(404);
    });
  });
});

describe('the gateway without a built web app', () => {
  const system = new GatehouseSystem({
    label: 'e2e-noweb',
    processes: ['gateway'],
    envFor: { gateway: { WEB_DIST_DIR: path.join(tmpdir(), `gatehouse-no-web-${process.pid}`) } },
  });
  beforeAll(() => system.start(), 60_000);
  afterAll(() => system.stop());

  it("answers the app's paths with a plain 503 that says why, and the API as usual", async () => {
    const page = await system.http.call('GET', '/hubs/x/contacts');
    expect(page.status).toBe(503);
    expect(page.text).toContain('web app is not built');
    expect((await system.http.call('GET', '/api/v1/hubs')).status).toBe(401);
  });
});
