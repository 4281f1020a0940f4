import { CsvError, parse } from 'csv-parse/sync';
import { splitLine } from './split-line';
import type { CsvDelimiter } from './types';

/** Receives each record with the physical line it starts on. */
export type RecordVisitor = (line: number, fields: readonly string[]) => void;

export interface ReadRecordsReport {
  /** Lines whose CSV quoting was broken; each was read on its own by splitLine. */
  repairedLines: number[];
  /** Set when too many broken quotes made the rest of the file be read line by line, from this line. */
  lineByLineFrom: number | null;
}

const NEWLINE = 0x0a;
// csv-parse's sync API keeps every record in memory: read in chunks so that the row limit stops a huge file early.
const CHUNK_RECORDS = 10_000;
// Each broken record restarts csv-parse; past these bounds the rest is read line by line (linear, no quoting).
const MAX_REPAIRS = 200;
const WORK_FACTOR = 4;
const QUOTING_ERRORS = new Set([
  'INVALID_OPENING_QUOTE',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'CSV_MAX_RECORD_SIZE',
]);

/**
 * Reads `text` (line ends already `\n`) with csv-parse, strict about quotes. A record with broken
 * quoting does not stop the rest: its first physical line is read on its own and parsing resumes on
 * the next line. Line numbers are counted here rather than taken from csv-parse's `info`, which
 * halves the parse time: a record spans one line plus the line ends inside its quoted fields.
 */
export function readRecords(
  text: string,
  delimiter: CsvDelimiter,
  firstLine: number,
  visit: RecordVisitor,
): ReadRecordsReport {
  // Without a quote there is no CSV quoting to honour: splitting lines gives the same records, many times faster.
  if (!text.includes('"')) {
    readLineByLine(text, firstLine, delimiter, visit);
    return { repairedLines: [], lineByLineFrom: null };
  }
  const buf = Buffer.from(text, 'utf8');
  const options = { delimiter, record_delimiter: '\n', relax_column_count: true };
  const repairedLines: number[] = [];
  let workLeft = buf.length * WORK_FACTOR + 64 * 1024;
  let offset = 0;
  let line = firstLine;

  while (offset < buf.length) {
    if (repairedLines.length >= MAX_REPAIRS || workLeft < 0) {
      readLineByLine(buf.toString('utf8', offset), line, delimiter, visit);
      return { repairedLines, lineByLineFrom: line };
    }
    const segment = buf.subarray(offset);
    let records: string[][];
    let broken = false;
    try {
      records = parse(segment, { ...options, to: CHUNK_RECORDS });
    } catch (err) {
      if (!(err instanceof CsvError) || !QUOTING_ERRORS.has(err.code)) throw err;
      broken = true;
      workLeft -= skipLines(segment, 0, Number(err.lines) - 1);
      // The records before the broken one were parsed fine but are lost with the exception: parse them again.
      const before = Number(err.records);
      records = before > 0 ? parse(segment, { ...options, to: before }) : [];
    }

    let lines = 0;
    for (const fields of records) {
      visit(line + lines, fields);
      lines += 1 + countNewlines(fields);
    }
    const consumed = skipLines(segment, 0, lines);
    workLeft -= consumed;
    offset += consumed;
    line += lines;

    if (broken) {
      const end = lineEnd(buf, offset);
      visit(line, splitLine(buf.toString('utf8', offset, end), delimiter));
      repairedLines.push(line);
      offset = end + 1;
      line += 1;
    } else if (records.length < CHUNK_RECORDS) {
      break;
    }
  }
  return { repairedLines, lineByLineFrom: null };
}

function readLineByLine(text: string, firstLine: number, delimiter: CsvDelimiter, visit: RecordVisitor): void {
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    visit(line, splitLine(text.slice(start, end), delimiter));
    start = end + 1;
  }
}

/** Bytes taken by the next `count` lines from `from` (to the end of the buffer if it has fewer). */
function skipLines(buf: Buffer, from: number, count: number): number {
  let at = from;
  for (let i = 0; i < count; i++) {
    const nl = buf.indexOf(NEWLINE, at);
    if (nl < 0) return buf.length - from;
    at = nl + 1;
  }
  return at - from;
}

function lineEnd(buf: Buffer, from: number): number {
  const nl = buf.indexOf(NEWLINE, from);
  return nl < 0 ? buf.length : nl;
}

function countNewlines(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.indexOf('\n'); at >= 0; at = field.indexOf('\n', at + 1)) count++;
  }
  return count;
}
