import { ERROR_CODES, MAX_APPENDIX_LENGTH } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/messaging';

/**
 * The invite message appendix is plain text from a tenant admin: trimmed, line ends made "\n",
 * at most MAX_APPENDIX_LENGTH characters, never only white space. null switches it off.
 */
export function checkAppendix(value: string | null): string | null {
  if (value === null) return null;
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text === '') {
    throw new DomainError(
      ERROR_CODES.POLICY_APPENDIX_BLANK,
      'The invite message appendix is empty. Write a message, or switch the appendix off.',
    );
  }
  const length = [...text].length;
  if (length > MAX_APPENDIX_LENGTH) {
    throw new DomainError(
      ERROR_CODES.POLICY_APPENDIX_TOO_LONG,
      `The invite message appendix is ${length} characters long; the limit is ${MAX_APPENDIX_LENGTH}.`,
      { length, limit: MAX_APPENDIX_LENGTH },
    );
  }
  return text;
}
