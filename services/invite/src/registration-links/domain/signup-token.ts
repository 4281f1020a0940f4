import { randomBytes } from 'node:crypto';
import { hashLinkToken, isWellFormedLinkToken } from './registration-link-token';

/**
 * A pending sign-up's confirm token: 32 random bytes, base64url (the same shape as a link token, so the
 * same hash and shape check apply). Only its SHA-256 is stored; the token travels in the email alone.
 */
export function issueSignupToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export const hashSignupToken = hashLinkToken;
export const isWellFormedSignupToken = isWellFormedLinkToken;
