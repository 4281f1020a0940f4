import { domainToASCII } from 'node:url';

export type EmailNormalization = { ok: true; email: string } | { ok: false; reason: string };

// dot-atom local part (RFC 5322 atext); quoted local parts are legal but unheard of in invites.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
export const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;

/**
 * The one definition of "the same email address" in Gatehouse: trimmed, the whole address
 * lower-cased, an internationalised domain converted to punycode. Returns the reason when the
 * value is not an address, in words a person understands.
 */
export function normalizeEmail(raw: string): EmailNormalization {
  const value = raw.trim().toLowerCase();
  if (value === '') return { ok: false, reason: 'empty value' };
  if (/\s/.test(value)) return { ok: false, reason: 'contains spaces' };
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return { ok: false, reason: 'missing "@" or a part around it' };
  const local = value.slice(0, at);
  if (local.length > MAX_LOCAL_LENGTH) return { ok: false, reason: 'the part before "@" is over 64 characters' };
  if (!LOCAL_PART.test(local))
    return { ok: false, reason: 'the part before "@" has characters an address cannot have' };
  const domain = knownDomain(value.slice(at + 1));
  if (domain === null) return { ok: false, reason: 'the domain is not valid' };
  const email = `${local}@${domain}`;
  if (email.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'longer than 254 characters' };
  return { ok: true, email };
}

/** Domains converted so far (a list of 10,000 addresses has a handful); emptied when it grows this long. */
const DOMAINS_REMEMBERED = 10_000;
const domains = new Map<string, string | null>();

/**
 * asciiDomain, each domain converted and checked once: the conversion was most of the time per address
 * (docs/performance.md, account look-up), and every mass invite's addresses are normalised again where
 * its events are checked.
 */
function knownDomain(input: string): string | null {
  let domain = domains.get(input);
  if (domain === undefined) {
    domain = asciiDomain(input);
    if (domains.size >= DOMAINS_REMEMBERED) domains.clear();
    domains.set(input, domain);
  }
  return domain;
}

/** The domain in punycode, or null when it is not one an address can have. */
function asciiDomain(input: string): string | null {
  const domain = domainToASCII(input);
  if (domain === '') return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return null;
  return domain;
}

/** The domain part of an already normalised address. */
export function emailDomain(normalizedEmail: string): string {
  return normalizedEmail.slice(normalizedEmail.lastIndexOf('@') + 1);
}
