/**
 * PostgreSQL refuses the NUL character (\u0000) in text and jsonb. It has no place in a name, a link
 * or an appendix, so it is dropped before storing rather than let one such value fail a whole batch.
 */
export function withoutNul(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is what this removes
  return text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;
}

/** JSON for a jsonb parameter, without NUL characters in any string. */
export function jsonb(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? withoutNul(v) : v));
}
