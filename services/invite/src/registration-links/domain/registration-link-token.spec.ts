import { loadEnv } from '@gatehouse/config';
import { randomBytes, randomUUID } from 'node:crypto';
import { InviteEnv } from '../../invite.config';
import { RegistrationLinkTokens, hashLinkToken, isWellFormedLinkToken } from './registration-link-token';

const tokensWith = (key?: string) =>
  new RegistrationLinkTokens(loadEnv(InviteEnv, { NODE_ENV: 'test', REGISTRATION_LINK_TOKEN_KEY: key }));

describe('registration-link tokens', () => {
  const key = randomBytes(32).toString('hex');

  it('issues 256-bit base64url tokens, stored as a SHA-256 hash and a seal that opens only for its link', () => {
    const tokens = tokensWith(key);
    const linkId = randomUUID();
    const issued = tokens.issue(linkId);
    expect(isWellFormedLinkToken(issued.token)).toBe(true);
    expect(Buffer.from(issued.token, 'base64url')).toHaveLength(32);
    expect(issued.hash).toBe(hashLinkToken(issued.token));
    expect(issued.sealed).not.toContain(issued.token);
    expect(tokens.unseal(linkId, issued.sealed)).toBe(issued.token);
    expect(tokens.unseal(randomUUID(), issued.sealed)).toBeNull();
    expect(tokensWith(randomBytes(32).toString('hex')).unseal(linkId, issued.sealed)).toBeNull();
    expect(tokens.unseal(linkId, issued.sealed.slice(0, -2) + 'AA')).toBeNull();
    expect(tokens.issue(linkId).token).not.toBe(issued.token);
  });

  it('needs REGISTRATION_LINK_TOKEN_KEY in production, and a well-formed one wherever it is given', () => {
    expect(() => loadEnv(InviteEnv, { NODE_ENV: 'production' })).toThrow(/REGISTRATION_LINK_TOKEN_KEY must be 64 hex/);
    expect(() => loadEnv(InviteEnv, { NODE_ENV: 'test', REGISTRATION_LINK_TOKEN_KEY: 'short' })).toThrow(
      /REGISTRATION_LINK_TOKEN_KEY/,
    );
    expect(
      loadEnv(InviteEnv, { NODE_ENV: 'production', REGISTRATION_LINK_TOKEN_KEY: key }).REGISTRATION_LINK_TOKEN_KEY,
    ).toBe(key);
    // Outside production the development key seals and opens.
    const dev = tokensWith(undefined);
    const linkId = randomUUID();
    const issued = dev.issue(linkId);
    expect(dev.unseal(linkId, issued.sealed)).toBe(issued.token);
  });
});
