/**
 * Splits one physical line into cells without CSV quoting rules, for lines whose quoting is broken
 * and for files with no quote at all (where it is exactly what csv-parse would give). Only the
 * first cell is read with care: when it starts with a quote, it runs to the closing quote, and
 * text after that quote (`"Name" <a@b.com>`) stays in the cell, quotes included; a quote that
 * never closes is an ordinary character. The other cells only tell whether the row is blank.
 */
export function splitLine(line: string, delimiter: string): string[] {
  if (!line.startsWith('"')) return line.split(delimiter);
  const end = quotedCellEnd(line, delimiter);
  if (end >= line.length) return [line];
  return [line.slice(0, end), ...line.slice(end + delimiter.length).split(delimiter)];
}

function quotedCellEnd(line: string, delimiter: string): number {
  const delimiterFrom = (from: number): number => {
    const at = line.indexOf(delimiter, from);
    return at < 0 ? line.length : at;
  };
  let from = 1;
  for (;;) {
    const quote = line.indexOf('"', from);
    if (quote < 0) return delimiterFrom(0);
    if (line[quote + 1] === '"') {
      from = quote + 2;
      continue;
    }
    return delimiterFrom(quote + 1);
  }
}
