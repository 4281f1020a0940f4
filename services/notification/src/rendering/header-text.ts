// C0 and C1 control characters (CR, LF, TAB, NUL, ESC, DEL, …) and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Bidirectional embeddings, overrides and isolates: invisible, and able to make a subject read backwards.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes a value safe for a single-line email header (the subject) and for one-line display names:
 * every control character becomes a space, bidi controls are dropped, runs of whitespace collapse
 * to one space, and the ends are trimmed. A name like "Eve\r\nBcc: x@y" can never start a new header.
 */
export function sanitizeHeaderText(s: string): string {
  return s.replace(BREAKING, ' ').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}
