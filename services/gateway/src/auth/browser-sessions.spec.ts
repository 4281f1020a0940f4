import { ACCOUNT_PATTERNS, StartedSession } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { CookieOptions, Response } from 'express';
import { GatewayEnv } from '../gateway.config';
import { BrowserSessions, SESSION_COOKIE } from './browser-sessions';

const started: StartedSession = {
  token: 't'.repeat(43),
  csrfToken: 'c'.repeat(43),
  expiresAt: '2030-01-01T12:00:00.000Z',
  account: { id: 'a1', email: 'ada@example.com', displayName: 'Ada', isOperator: false, createdAt: '' },
};

/** The cookie a start() sets, and where it redirects, on a response that records both. */
async function startIn(nodeEnv: GatewayEnv['NODE_ENV']) {
  const calls: [string, unknown][] = [];
  const rpc = {
    call: (pattern: string, request: unknown) => {
      calls.push([pattern, request]);
      return Promise.resolve(started);
    },
  } as unknown as RpcClient;
  const env = Object.assign(new GatewayEnv(), { NODE_ENV: nodeEnv });
  const set: { name?: string; value?: string; options?: CookieOptions; redirect?: [number, string] } = {};
  const response = {
    cookie: (name: string, value: string, options: CookieOptions) => Object.assign(set, { name, value, options }),
    redirect: (status: number, url: string) => Object.assign(set, { redirect: [status, url] }),
  } as unknown as Response;
  await new BrowserSessions(rpc, env).startAndOpenHub(response, 'a1', 'hub 1');
  return { calls, set };
}

describe('BrowserSessions', () => {
  it('sets an HttpOnly, SameSite=Lax cookie for the whole site, ending with the session, then opens the Hub', async () => {
    const { calls, set } = await startIn('development');
    expect(calls).toEqual([[ACCOUNT_PATTERNS.SESSION_START, { accountId: 'a1' }]]);
    expect(set.name).toBe(SESSION_COOKIE);
    expect(set.value).toBe(started.token);
    expect(set.options).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
      expires: new Date(started.expiresAt),
    });
    expect(set.redirect).toEqual([303, '/hubs/hub%201/contacts']);
  });

  it('marks the cookie Secure in production', async () => {
    const { set } = await startIn('production');
    expect(set.options?.secure).toBe(true);
  });
});
