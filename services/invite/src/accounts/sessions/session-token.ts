import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits) as base64url: the cookie's value. */
const SESSION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newSessionSecret = (): string => randomBytes(32).toString('base64url');

/** What invite.sessions keeps instead of the token: a database leak hands out no live session. */
export const sessionTokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** Anything else cannot be one of ours and is refused without a database look-up. */
export const isWellFormedSessionToken = (value: string): boolean => SESSION_TOKEN_PATTERN.test(value);
