import { RowClassifier } from './classify-rows';
import { CsvRefusedError } from './csv-refused-error';
import { decodeUpload } from './decode';
import { detectDelimiter, readSepLine } from './detect-delimiter';
import { readRecords } from './read-records';
import { CSV_FIXES, DEFAULT_CSV_LIMITS, type CsvLimits, type ParsedInviteCsv } from './types';

const LONE_CR = /\r(?!\n)/;
const ANY_LINE_END = /\r\n?/g;
const NON_SPACE = /\S/;
const MAX_LINES_LISTED = 10;

/**
 * Reads a mass-invite upload: the whole file, synchronously (it is capped at `maxBytes`).
 * Throws CsvRefusedError when the file as a whole cannot be used; otherwise every row comes back
 * with its outcome, and a bad row never affects the others.
 */
export function parseInviteCsv(input: Buffer, limits: Partial<CsvLimits> = {}): ParsedInviteCsv {
  const effective: CsvLimits = { ...DEFAULT_CSV_LIMITS, ...limits };
  if (input.length > effective.maxBytes) throw CsvRefusedError.tooLarge(input.length, effective.maxBytes);

  const decoded = decodeUpload(input);
  const fixes = [...decoded.fixes];
  let text = decoded.text;
  // One line end from here on: csv-parse settles on the first kind it meets, and mixed files exist.
  if (text.includes('\r')) {
    if (LONE_CR.test(text)) fixes.push(CSV_FIXES.crLineEndings);
    text = text.replace(ANY_LINE_END, '\n');
  }
  const totalLines = countLines(text);

  let firstLine = 1;
  const sep = readSepLine(text);
  if (sep) {
    text = text.slice(sep.length);
    firstLine = 2;
    fixes.push(CSV_FIXES.sepLine);
  }
  if (!NON_SPACE.test(text)) throw CsvRefusedError.empty();

  const delimiter = sep?.delimiter ?? detectDelimiter(text);
  if (delimiter === ';') fixes.push(CSV_FIXES.semicolon);
  if (delimiter === '\t') fixes.push(CSV_FIXES.tab);

  const classifier = new RowClassifier(effective);
  const read = readRecords(text, delimiter, firstLine, (line, fields) => classifier.add(line, fields));
  if (classifier.header) fixes.push(CSV_FIXES.header);
  if (read.repairedLines.length > 0) {
    fixes.push(`broken quotes read as plain text on ${listLines(read.repairedLines)}`);
  }
  if (read.lineByLineFrom !== null) {
    fixes.push(`too many broken quotes: lines from ${read.lineByLineFrom} on read one by one, quotes as plain text`);
  }
  return { rows: classifier.rows, fixes, header: classifier.header, delimiter, totalLines };
}

function countLines(text: string): number {
  if (text === '') return 0;
  let count = text.endsWith('\n') ? 0 : 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).join(', ');
  const more = lines.length > MAX_LINES_LISTED ? ` and ${lines.length - MAX_LINES_LISTED} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}
