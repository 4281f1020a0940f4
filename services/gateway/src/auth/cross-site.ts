import type { Request } from 'express';

/**
 * Whether a browser sent this request from another site's page. The public POSTs (sign-in, accept an
 * invite, confirm a sign-up) need no session, so neither SameSite nor the CSRF token stops another site
 * from posting a form to them and signing the visitor's browser into an account the attacker controls
 * (login CSRF). Browsers say where a request comes from:
 * - Sec-Fetch-Site (every current browser): only `same-origin` and `none` (typed, bookmarked) pass;
 *   `same-site` is refused too, a sibling subdomain is not this application.
 * - Otherwise Origin, when it names an origin: ours is the request's own host or PUBLIC_BASE_URL's.
 *   `Origin: null` is what our own public pages send (they set Referrer-Policy: no-referrer), so it passes.
 * No header at all is not a browser (API clients, curl): there is no victim's browser to fix a session in.
 */
export function isCrossSiteRequest(request: Request, publicBaseUrl: string): boolean {
  const site = request.get('sec-fetch-site');
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = request.get('origin');
  if (origin === undefined || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return host !== request.host && origin !== new URL(publicBaseUrl).origin;
}
