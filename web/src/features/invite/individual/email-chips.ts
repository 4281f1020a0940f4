/**
 * A first look at typed addresses, so that mistakes show on the chip before anything is sent. The
 * invite service normalises and decides; this only catches what is plainly not an address.
 */
export function addressProblem(input: string): string | null {
  const value = input.trim();
  const at = value.lastIndexOf('@');
  if (at === -1) return 'no @ in it';
  if (at === 0) return 'nothing before the @';
  const domain = value.slice(at + 1);
  if (!domain) return 'nothing after the @';
  if (value.indexOf('@') !== at) return 'more than one @';
  if (!isDomain(domain)) return 'the part after the @ is not a domain';
  if (value.length > 254) return 'longer than an address can be';
  return null;
}

/** "example.com": labels separated by dots, no empty label. */
export const isDomain = (value: string): boolean =>
  value.includes('.') &&
  !value.startsWith('.') &&
  !value.endsWith('.') &&
  !value.includes('..') &&
  !value.includes('@');
