import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The one API client. The browser session is a cookie (HttpOnly, set by the gateway); the CSRF token
 * that unsafe requests must carry is kept in memory only, never in storage.
 */
let csrfToken: string | null = null;
let onSignedOut: () => void = () => undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the API answers 401 to anything but the session check itself: the session has ended. */
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATH = '/api/v1/auth/session';

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && UNSAFE_METHODS.has(request.method)) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith(SESSION_PATH)) onSignedOut();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(sessionMiddleware);
