import { ERROR_CODES, MAX_APPENDIX_LENGTH, DomainError } from '@gatehouse/contracts';

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

/** The appendix as the hub stores it: the text (kept while off) and the switch. */
export interface AppendixSetting {
  text: string | null;
  enabled: boolean;
}

export interface AppendixChange {
  inviteMessageAppendix?: string | null;
  inviteMessageAppendixEnabled?: boolean;
  inviteMessageAppendixText?: string | null;
}

/**
 * Applies a policy change to the appendix. Two ways to say it: the older single field
 * (`inviteMessageAppendix`: a text switches on with that text, null switches off) or the switch and the
 * text separately (the console: off keeps the text). Switching on without any text is refused.
 */
export function changeAppendix(current: AppendixSetting, change: AppendixChange): AppendixSetting {
  const {
    inviteMessageAppendix: single,
    inviteMessageAppendixEnabled: enabled,
    inviteMessageAppendixText: text,
  } = change;
  if (single !== undefined && (enabled !== undefined || text !== undefined)) {
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      'Send either inviteMessageAppendix, or inviteMessageAppendixEnabled and inviteMessageAppendixText, not both.',
    );
  }
  if (single !== undefined) {
    return single === null ? { ...current, enabled: false } : { text: checkAppendix(single), enabled: true };
  }
  const next: AppendixSetting = {
    text: text === undefined ? current.text : text === null || text.trim() === '' ? null : checkAppendix(text),
    enabled: enabled ?? current.enabled,
  };
  if (next.enabled && next.text === null) checkAppendix(''); // throws POLICY.APPENDIX_BLANK with its sentence
  return next;
}
