import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response (contracts.md §2). Scripts only from our own origin, never
 * inline: an injected <script> or event handler does not run. Inline styles are allowed because Mantine
 * writes some at run time; a style cannot run code. The Swagger UI at /api/docs works under it as it is
 * (its scripts are same-origin files, its icons data: URLs). The public pages narrow it (pages/html.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'frame-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/**
 * helmet with exactly this policy (no helmet defaults added to it: upgrade-insecure-requests would break
 * plain-HTTP development), nosniff, Referrer-Policy same-origin, X-Frame-Options DENY, and HSTS only in production, where the
 * gateway is reached over HTTPS.
 */
export function securityHeaders(production: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' }, // the same as frame-ancestors 'none', for browsers without CSP 2
    strictTransportSecurity: production,
  });
}
