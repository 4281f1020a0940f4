import Handlebars from 'handlebars';

/** Longest invite message appendix a tenant admin may set, in characters (Unicode code points). */
export const MAX_APPENDIX_LENGTH = 2000;

export type AppendixValidation =
  | { ok: true; value: string | null }
  | { ok: false; code: 'POLICY.APPENDIX_TOO_LONG' | 'POLICY.APPENDIX_BLANK'; message: string };

/**
 * The stored form of an appendix: line ends unified to "\n", surrounding whitespace trimmed.
 * Returns null when there is nothing left (the appendix is off).
 */
export function normalizeAppendix(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const value = text.replace(/\r\n?/g, '\n').trim();
  return value === '' ? null : value;
}

/**
 * Checks an appendix that a tenant admin submits (used by the policy API). null/undefined switches
 * the appendix off; text made only of whitespace is refused rather than silently treated as "off".
 * On success `value` is the normalised text to store.
 */
export function validateAppendix(text: string | null | undefined): AppendixValidation {
  if (text === null || text === undefined) return { ok: true, value: null };
  const value = normalizeAppendix(text);
  if (value === null) {
    return {
      ok: false,
      code: 'POLICY.APPENDIX_BLANK',
      message: 'The invite message appendix is blank. Enter some text, or switch the appendix off.',
    };
  }
  const length = Array.from(value).length;
  if (length > MAX_APPENDIX_LENGTH) {
    return {
      ok: false,
      code: 'POLICY.APPENDIX_TOO_LONG',
      message: `The invite message appendix is ${length} characters long; the limit is ${MAX_APPENDIX_LENGTH}.`,
    };
  }
  return { ok: true, value };
}

/**
 * The appendix as HTML: escaped first, then each line break turned into <br>. The text is never
 * interpreted as HTML or as a template ("{{x}}" stays literally "{{x}}").
 */
export function appendixToHtml(text: string): Handlebars.SafeString {
  const escaped = Handlebars.Utils.escapeExpression(text.replace(/\r\n?/g, '\n'));
  return new Handlebars.SafeString(escaped.replace(/\n/g, '<br>\n'));
}
