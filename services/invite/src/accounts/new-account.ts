import { DomainError, ERROR_CODES } from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { checkPasswordStrength } from './password-policy';

/* What a new account must be: its normalised address, a strong enough password, a name. */

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  isOperator: boolean;
  emailVerified: boolean;
}

/** The address, normalised, or ACCOUNT.INVALID_EMAIL. */
export function requireEmail(raw: string): string {
  const result = normalizeEmail(raw);
  if (!result.ok) {
    throw new DomainError(
      ERROR_CODES.ACCOUNT_INVALID_EMAIL,
      `"${raw.slice(0, 320)}" is not an email address: ${result.reason}.`,
    );
  }
  return result.email;
}

/**
 * The rules every new account meets (address, password strength, display name), without creating one:
 * a pending sign-up checks them before it stores anything. Returns the normalised address and name.
 */
export function checkNewAccount(request: { email: string; displayName: string; password: string }): {
  email: string;
  displayName: string;
} {
  const email = requireEmail(request.email);
  checkPasswordStrength(request.password, email);
  const displayName = request.displayName.trim();
  if (displayName === '') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Display name must not be empty.');
  return { email, displayName };
}
