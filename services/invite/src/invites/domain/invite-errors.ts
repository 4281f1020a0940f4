import { ERROR_CODES, InviteStatus, DomainError } from '@gatehouse/contracts';

/** The invite lifecycle's domain errors, each with its stable code and a sentence that says what to do. */
export const InviteErrors = {
  notFound: () =>
    new DomainError(
      ERROR_CODES.INVITE_NOT_FOUND,
      'This invite link is not valid. Check that you copied the whole link, or ask for a new invite.',
    ),
  inviteIdNotFound: (inviteId: string) =>
    new DomainError(ERROR_CODES.INVITE_NOT_FOUND, 'No such invite in this Hub.', { inviteId }),
  expired: () =>
    new DomainError(
      ERROR_CODES.INVITE_EXPIRED,
      'This invite has expired. Ask the person who invited you to send a new one.',
    ),
  revoked: () =>
    new DomainError(
      ERROR_CODES.INVITE_REVOKED,
      'This invite was withdrawn. Ask a member of the Hub to invite you again if you still need access.',
    ),
  alreadyUsed: () =>
    new DomainError(
      ERROR_CODES.INVITE_ALREADY_USED,
      'This invite has already been used to create an account. Sign in with that account instead.',
    ),
  self: () => new DomainError(ERROR_CODES.INVITE_SELF, 'You cannot invite yourself: you are already in this Hub.'),
  notPending: (status: InviteStatus) =>
    new DomainError(ERROR_CODES.INVITE_NOT_PENDING, `This invite is ${status}, not pending; nothing was changed.`, {
      status,
    }),
  invalidEmail: (raw: string, reason: string) =>
    new DomainError(ERROR_CODES.INVITE_INVALID_EMAIL, `"${raw.slice(0, 320)}" is not an email address: ${reason}.`, {
      reason,
    }),
};

/** Why a token cannot be accepted any more, as the error the accept page turns into a plain page. */
export function closedInviteError(status: Exclude<InviteStatus, 'pending'>): DomainError {
  switch (status) {
    case 'accepted':
      return InviteErrors.alreadyUsed();
    case 'revoked':
      return InviteErrors.revoked();
    case 'expired':
      return InviteErrors.expired();
  }
}
