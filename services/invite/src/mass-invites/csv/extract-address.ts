// Spreadsheet cells often carry a no-break or zero-width space at an edge (\s covers NBSP and the BOM).
const EDGE_SPACE = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;
const MAILTO = /^mailto:/i;

export function trimCell(cell: string): string {
  // Fast path for the usual cell: a printable ASCII character at both ends leaves nothing to trim.
  if (isPrintableAscii(cell.charCodeAt(0)) && isPrintableAscii(cell.charCodeAt(cell.length - 1))) return cell;
  return cell.replace(EDGE_SPACE, '');
}

function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * The address part of a cell, not yet validated: `Name <a@b.com>`, `"Name" <a@b.com>`,
 * `mailto:a@b.com?subject=…` (any case) and a stray quoted `"a@b.com"` all give `a@b.com`.
 */
export function extractAddress(cell: string): string {
  let value = trimCell(cell);
  // Left quoted by a line read without CSV quoting (see split-line.ts), or typed like that.
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    value = trimCell(value.slice(1, -1).replaceAll('""', '"'));
  }
  if (value.endsWith('>')) {
    const open = value.lastIndexOf('<');
    if (open >= 0) value = trimCell(value.slice(open + 1, -1));
  }
  if (MAILTO.test(value)) {
    value = value.slice('mailto:'.length);
    const query = value.indexOf('?');
    if (query >= 0) value = value.slice(0, query);
    value = trimCell(value);
  }
  return value;
}
