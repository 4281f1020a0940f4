import { ERROR_CODES, DomainError } from '@gatehouse/contracts';
import { emailDomain, normalizeEmail } from '@gatehouse/email-address';

/**
 * The allow-list a Hub admin types, normalised like the domain of an address (trimmed, lower case,
 * IDN to punycode); a leading "@" is forgiven. Anything that is not a domain name is refused with the
 * reason, and so is a wildcard: the list holds exact domains (see docs/registration-links.md).
 */
export function normaliseAllowedDomains(input: string[]): string[] {
  const problems: string[] = [];
  const domains: string[] = [];
  for (const raw of input) {
    const value = raw.trim().replace(/^@/, '');
    if (value.startsWith('*.')) {
      problems.push(`allowedDomains: "${raw}" is a wildcard; list each domain exactly (subdomains are not included)`);
      continue;
    }
    const probe = normalizeEmail(`postmaster@${value}`);
    if (!probe.ok || value === '') {
      problems.push(`allowedDomains: "${raw.slice(0, 253)}" is not a domain name`);
      continue;
    }
    const domain = emailDomain(probe.email);
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (problems.length > 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `The request is not valid: ${problems.join('; ')}.`, {
      problems,
    });
  }
  return domains;
}

/**
 * Exact match of a normalised address's domain against the normalised allow-list: `evil-example.com`
 * and `mail.example.com` do not pass for `example.com`. An empty list allows every domain.
 */
export function isDomainAllowed(allowedDomains: string[], normalisedEmail: string): boolean {
  return allowedDomains.length === 0 || allowedDomains.includes(emailDomain(normalisedEmail));
}
