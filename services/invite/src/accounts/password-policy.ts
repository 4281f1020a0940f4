import { ERROR_CODES, MIN_PASSWORD_LENGTH, DomainError } from '@gatehouse/contracts';

// The most common choices that pass a length rule; a breach corpus would be better, but none ships here.
const COMMON = new Set([
  'password12',
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'iloveyou123',
  'letmein123',
  'welcome123',
  'admin12345',
  'qwerty12345',
  'abc1234567',
  '0123456789',
  'changeme123',
]);

/** One rule for every route to an account (accept page, registration link, bootstrap). */
export function checkPasswordStrength(password: string, email: string): void {
  const weak = (reason: string) =>
    new DomainError(ERROR_CODES.ACCOUNT_WEAK_PASSWORD, `This password is too weak: ${reason}.`, { reason });
  if ([...password].length < MIN_PASSWORD_LENGTH) throw weak(`use at least ${MIN_PASSWORD_LENGTH} characters`);
  if (new Set(password).size < 4) throw weak('use more than a few different characters');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) throw weak('it is one of the most common passwords');
  if (lower.includes(email.split('@')[0]) && email.split('@')[0].length >= 4)
    throw weak('it contains your email address');
}
