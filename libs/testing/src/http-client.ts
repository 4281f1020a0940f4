/**
 * A JSON body as tests read it. Loosely typed on purpose: tests assert field by field, and a body that
 * is not JSON (an HTML page, a CSV) comes back as null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type JsonBody = Record<string, any>;

export interface HttpResult {
  status: number;
  headers: Headers;
  /** The body as text (HTML pages, CSV downloads). */
  text: string;
  /** The body parsed as JSON, or null when it is not JSON. */
  body: JsonBody;
}

export interface HttpCallOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded (the public pages' forms). */
  form?: Record<string, string>;
  /** Sent as multipart/form-data (file uploads). */
  multipart?: FormData;
  headers?: Record<string, string>;
}

/**
 * The HTTP side of the whole-system tests: one call shape for the JSON API, the public pages and
 * uploads. Redirects are not followed (a test sees what the server answered), and nothing throws on
 * an error status: the test asserts it.
 */
export class HttpTestClient {
  constructor(readonly baseUrl: string) {}

  /** `path` is relative to the base URL, or a whole URL (a link taken from an email). */
  async call(method: string, path: string, options: HttpCallOptions = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.multipart) {
      body = options.multipart; // fetch sets the multipart content type with its boundary
    }
    const url = /^https?:\/\//.test(path) ? path : `${this.baseUrl}${path}`;
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: parseJson(text) };
  }

  /** Signs in over HTTP and returns the bearer token; throws with the answer when sign-in fails. */
  async signIn(email: string, password: string): Promise<string> {
    const response = await this.call('POST', '/api/v1/auth/sign-in', { json: { email, password } });
    if (response.status !== 200 || typeof response.body?.accessToken !== 'string') {
      throw new Error(`Sign-in as ${email} failed: ${response.status} ${response.text}`);
    }
    return response.body.accessToken;
  }
}

function parseJson(text: string): JsonBody {
  try {
    return JSON.parse(text) as JsonBody;
  } catch {
    return null as unknown as JsonBody;
  }
}

/** The browser session cookie's name (services/gateway/src/auth/browser-sessions.ts). */
export const SESSION_COOKIE = 'gatehouse_session';

/** The session cookie a response set, with its attributes as written (`HttpOnly`, `SameSite=Lax`, …). */
export function sessionCookieOf(response: HttpResult): { value: string; attributes: string[] } | null {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!line) return null;
  const [pair, ...attributes] = line.split(';').map((part) => part.trim());
  return { value: decodeURIComponent(pair.slice(SESSION_COOKIE.length + 1)), attributes };
}
