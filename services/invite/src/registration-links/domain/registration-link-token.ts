import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { InviteEnv } from '../../invite.config';

/** 32 random bytes (256 bits), base64url: 43 characters that fit in a URL path segment. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const SEAL_VERSION = 'v1';

/**
 * Outside production, without REGISTRATION_LINK_TOKEN_KEY: a fixed key, so development databases keep
 * working across restarts. Anyone with the code can unseal those tokens: never use it in production
 * (InviteEnv refuses to boot there without a key).
 */
const DEVELOPMENT_KEY = createHash('sha256').update('gatehouse development registration-link key').digest();

export interface IssuedLinkToken {
  /** Goes into the join URL; never stored as it is. */
  token: string;
  /** SHA-256 (hex): what the join page looks the link up by. */
  hash: string;
  /** AES-256-GCM of the token, bound to the link id: what lets members see the URL again. */
  sealed: string;
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a value could be one of our tokens at all (anything else is unknown without a database look-up). */
export function isWellFormedLinkToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * Registration-link tokens: random, stored as a SHA-256 hash (for look-up) and sealed with AES-256-GCM
 * under REGISTRATION_LINK_TOKEN_KEY (so the URL can be shown again to the members allowed to see it).
 * The link id is the additional authenticated data: a sealed token copied onto another link's row
 * does not open. The database alone yields no usable URL.
 */
@Injectable()
export class RegistrationLinkTokens {
  private readonly key: Buffer;

  constructor(env: InviteEnv) {
    this.key = env.REGISTRATION_LINK_TOKEN_KEY ? Buffer.from(env.REGISTRATION_LINK_TOKEN_KEY, 'hex') : DEVELOPMENT_KEY;
  }

  issue(linkId: string): IssuedLinkToken {
    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    return { token, hash: hashLinkToken(token), sealed: this.seal(linkId, token) };
  }

  /** The token of a sealed value, or null when it does not open with this key (the key was changed). */
  unseal(linkId: string, sealed: string): string | null {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== SEAL_VERSION || !iv || !tag || !data) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(linkId, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const token = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      return isWellFormedLinkToken(token) ? token : null;
    } catch {
      return null;
    }
  }

  private seal(linkId: string, token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(linkId, 'utf8'));
    const data = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return [
      SEAL_VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }
}
