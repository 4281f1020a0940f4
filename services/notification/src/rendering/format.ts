import type { UserType } from './email-templates';

const USER_TYPE_WORDS: Record<UserType, string> = {
  TEAM_MEMBER: 'Team Member',
  EXTERNAL_MEMBER: 'External Member',
};

/** "Team Member" / "External Member". */
export function formatUserType(t: UserType): string {
  const words = USER_TYPE_WORDS[t];
  if (words === undefined) throw new Error(`Unknown user type: ${String(t)}`);
  return words;
}

/** "a Team Member" / "an External Member", for running text. */
export function formatUserTypeWithArticle(t: UserType): string {
  const words = formatUserType(t);
  return `${/^[AEIOU]/.test(words) ? 'an' : 'a'} ${words}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A date in words, in UTC, independent of the server's locale and time zone: "10 December 2026".
 * Accepts a Date or an ISO 8601 string; throws on anything that is not a valid date.
 */
export function formatDateInWords(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a valid date: ${String(value)}`);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A date and time in words, in UTC, for links that last hours rather than days: "10 December 2026, 14:05 UTC". */
export function formatDateTimeInWords(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  const day = formatDateInWords(date);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
