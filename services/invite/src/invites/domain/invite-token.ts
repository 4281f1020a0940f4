import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: 43 characters that fit in a URL path segment. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  /** Goes into the accept URL of one event and one email, nowhere else. */
  token: string;
  /** What the invites table keeps. */
  hash: string;
}

export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function issueInviteToken(): IssuedToken {
  return issueInviteTokens(1)[0];
}

/** `count` tokens from one draw of random bytes (one call per token costs ~6 µs each; a batch has thousands). */
export function issueInviteTokens(count: number): IssuedToken[] {
  const bytes = randomBytes(TOKEN_BYTES * count);
  const tokens: IssuedToken[] = [];
  for (let at = 0; at < bytes.length; at += TOKEN_BYTES) {
    const token = bytes.subarray(at, at + TOKEN_BYTES).toString('base64url');
    tokens.push({ token, hash: hashInviteToken(token) });
  }
  return tokens;
}

/** Whether a value could be one of our tokens at all (anything else is unknown without a database look-up). */
export function isWellFormedInviteToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
