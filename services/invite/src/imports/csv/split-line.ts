/**
 * Splits one physical line into its first cell and the rest, for lines whose CSV quoting is
 * broken. Tolerant where CSV is strict: a quote that never closes is an ordinary character, and
 * text after a closing quote (`"Name" <a@b.com>`) stays in the cell. The first cell keeps its quotes.
 */
export function splitFirstCell(line: string, delimiter: string): [first: string, rest: string] {
  const end = firstCellEnd(line, delimiter);
  return [line.slice(0, end), end < line.length ? line.slice(end + delimiter.length) : ''];
}

function firstCellEnd(line: string, delimiter: string): number {
  const plainEnd = (from: number): number => {
    const at = line.indexOf(delimiter, from);
    return at < 0 ? line.length : at;
  };
  if (!line.startsWith('"')) return plainEnd(0);
  let from = 1;
  for (;;) {
    const quote = line.indexOf('"', from);
    if (quote < 0) return plainEnd(0);
    if (line[quote + 1] === '"') {
      from = quote + 2;
      continue;
    }
    return plainEnd(quote + 1);
  }
}
