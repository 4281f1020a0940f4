import { ERROR_CODES } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/messaging';

/** The registration link's domain errors, each with its stable code and a sentence that says what to do. */
export const RegistrationLinkErrors = {
  notFound: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_NOT_FOUND,
      'This registration link is not valid. Check that you copied the whole link, or ask a member of the Hub for the current one.',
    ),
  rotated: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_ROTATED,
      'This registration link has been replaced by a new one. Ask a member of the Hub for the current link.',
    ),
  disabled: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_DISABLED,
      'This registration link is turned off. Ask a member of the Hub to invite you.',
    ),
  expired: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_EXPIRED,
      'This registration link has expired. Ask a member of the Hub for a new link or an invite.',
    ),
  usedUp: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_USED_UP,
      'This registration link has been used as many times as it allows. Ask a member of the Hub to invite you.',
    ),
  domainNotAllowed: (allowedDomains: string[]) =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_DOMAIN_NOT_ALLOWED,
      `This registration link is only for email addresses at ${allowedDomains.join(', ')}. Use such an address, or ask a member of the Hub to invite you.`,
      { allowedDomains },
    ),
  accountExists: () =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS,
      'You already have an account — ask a member of this Hub to invite you.',
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_RATE_LIMITED,
      'Too many sign-up attempts through this registration link. Wait a few minutes and try again.',
      { retryAfterSeconds },
    ),
  expiryInPast: () =>
    new DomainError(ERROR_CODES.VALIDATION_FAILED, 'The request is not valid: expiresAt must be in the future.', {
      problems: ['expiresAt must be in the future'],
    }),
};
