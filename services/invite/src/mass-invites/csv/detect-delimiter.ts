import type { CsvDelimiter } from './types';

// Excel writes `sep=;` as the first line to declare the delimiter; it may come quoted or padded with empty cells.
const SEP_LINE = /^"?sep=([,;\t])"?[,;\t]*$/i;
const MAX_SEP_LINE_LENGTH = 16;

export const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;
// Preference on a tie: a tab or semicolon in every line is a stronger sign than a comma (names hold commas).
const CANDIDATES: readonly CsvDelimiter[] = ['\t', ';', ','];

export interface SepLine {
  delimiter: CsvDelimiter;
  /** Characters to drop from the text, line end included. */
  length: number;
}

/** The `sep=X` declaration on the first line, if any. */
export function readSepLine(text: string): SepLine | null {
  const end = text.indexOf('\n');
  const firstLength = end < 0 ? text.length : end;
  if (firstLength > MAX_SEP_LINE_LENGTH) return null;
  const match = SEP_LINE.exec(text.slice(0, firstLength));
  if (!match) return null;
  return { delimiter: match[1] as CsvDelimiter, length: end < 0 ? text.length : end + 1 };
}

/**
 * Picks `,` `;` or tab from the first lines (quoted text ignored): the candidate present in the
 * most lines wins; a comma when none occurs (a one-column file). Line ends must be `\n`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const linesWith = [0, 0, 0];
  const inLine = [false, false, false];
  const end = Math.min(text.length, SAMPLE_CHARS);
  let inQuotes = false;
  let lines = 0;
  const finishLine = (): void => {
    for (let k = 0; k < 3; k++) {
      if (inLine[k]) linesWith[k]++;
      inLine[k] = false;
    }
    lines++;
  };
  for (let i = 0; i < end; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n') {
      finishLine();
      if (lines >= SAMPLE_LINES) break;
    } else if (c === '\t') inLine[0] = true;
    else if (c === ';') inLine[1] = true;
    else if (c === ',') inLine[2] = true;
  }
  // A line cut by the sample size would skew the count; a last line without a line end is complete.
  if (end === text.length) finishLine();

  let best = 2;
  for (let k = 0; k < 3; k++) if (linesWith[k] > linesWith[best]) best = k;
  for (let k = 0; k < 3; k++) if (linesWith[k] === linesWith[best] && linesWith[k] > 0) return CANDIDATES[k];
  return ',';
}
