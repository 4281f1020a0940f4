/** What is still missing before a send button works, in words; null when nothing is. */
export function missingBeforeSending(parts: { has: boolean; what: string }[]): string | null {
  const missing = parts.filter((part) => !part.has).map((part) => part.what);
  if (missing.length === 0) return null;
  const list =
    missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `To send, ${list}.`;
}
