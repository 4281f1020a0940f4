import { ERROR_CODES, DomainError } from '@gatehouse/contracts';

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

/** A pending sign-up's confirm link: unknown, already used, too late, or the wrong password typed. */
export const SignupErrors = {
  notFound: () =>
    new DomainError(
      ERROR_CODES.SIGNUP_NOT_FOUND,
      'This confirmation link is not valid. Check that you copied the whole link. If you signed up more than once, only the link in the newest email works.',
    ),
  alreadyConfirmed: (email: string) =>
    new DomainError(
      ERROR_CODES.SIGNUP_ALREADY_CONFIRMED,
      `This confirmation link was already used: the account for ${email} exists. Sign in with it.`,
      { email },
    ),
  expired: () =>
    new DomainError(
      ERROR_CODES.SIGNUP_EXPIRED,
      'This confirmation link has expired. Sign up again through the registration link to get a new email.',
    ),
  wrongPassword: () =>
    new DomainError(
      ERROR_CODES.SIGNUP_WRONG_PASSWORD,
      'That is not the password chosen when signing up. Type the password you chose; if you have forgotten it, sign up again through the registration link. If you did not sign up, ignore the email: nothing happens without confirmation.',
    ),
  accountAppeared: (email: string) =>
    new DomainError(
      ERROR_CODES.REGISTRATION_LINK_ACCOUNT_EXISTS,
      `An account for ${email} was created after you signed up. Sign in with it, and ask a member of the Hub to invite you.`,
      { email },
    ),
};
