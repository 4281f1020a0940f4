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

/** Text is read a window of whole lines at a time: at least this many bytes, unless the file ends first. */
const WINDOW_BYTES = 256 * 1024;
const QUOTE = 0x22;

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
  const reader = new RecordReader(delimiter, firstLine, Buffer.byteLength(text), visit);
  reader.write(text);
  return reader.end();
}

/**
 * readRecords a piece of text at a time: the text is read in windows of whole lines (about 256 KiB), so
 * that only one window is held whatever the size of the file. A quoted field still open at the end of a
 * window may close further on: the window then grows until it does, or until the file ends (a quote
 * that never closes is broken, as before). The records are the same as readRecords over the whole text.
 */
export class RecordReader {
  private pending = Buffer.alloc(0);
  private wanted = WINDOW_BYTES;
  private line: number;
  private workLeft: number;
  private readonly repairedLines: number[] = [];
  private lineByLineFrom: number | null = null;
  private readonly options: { delimiter: CsvDelimiter; record_delimiter: string; relax_column_count: boolean };

  /** `totalBytes`: UTF-8 bytes of all the text to come, the budget of broken-quote repairs. */
  constructor(
    private readonly delimiter: CsvDelimiter,
    firstLine: number,
    totalBytes: number,
    private readonly visit: RecordVisitor,
  ) {
    this.line = firstLine;
    this.workLeft = totalBytes * WORK_FACTOR + 64 * 1024;
    this.options = { delimiter, record_delimiter: '\n', relax_column_count: true };
  }

  write(text: string): void {
    if (text === '') return;
    const bytes = Buffer.from(text, 'utf8');
    this.pending = this.pending.length === 0 ? bytes : Buffer.concat([this.pending, bytes]);
    if (this.pending.length >= this.wanted) this.readWindow(false);
  }

  end(): ReadRecordsReport {
    this.readWindow(true);
    return { repairedLines: this.repairedLines, lineByLineFrom: this.lineByLineFrom };
  }

  private readWindow(last: boolean): void {
    const cut = last ? this.pending.length : this.pending.lastIndexOf(NEWLINE) + 1;
    const used = cut === 0 ? 0 : this.readLines(this.pending.subarray(0, cut), last);
    // A copy: the rest must not keep the whole window alive.
    this.pending = Buffer.from(this.pending.subarray(used));
    this.wanted = used < cut || cut === 0 ? this.pending.length + WINDOW_BYTES : WINDOW_BYTES;
  }

  /** Reads the records of `buf` (whole lines); answers the bytes used, fewer when a quoted field runs past it. */
  private readLines(buf: Buffer, last: boolean): number {
    let offset = 0;
    while (offset < buf.length) {
      if (this.lineByLineFrom === null && (this.repairedLines.length >= MAX_REPAIRS || this.workLeft < 0)) {
        this.lineByLineFrom = this.line;
      }
      const segment = buf.subarray(offset);
      // Without a quote there is no CSV quoting to honour: splitting lines gives the same records, many times faster.
      if (this.lineByLineFrom !== null || !segment.includes(QUOTE)) {
        this.line = readLineByLine(segment.toString('utf8'), this.line, this.delimiter, this.visit);
        this.workLeft -= segment.length;
        return buf.length;
      }
      let records: string[][];
      let broken = false;
      try {
        records = parse(segment, { ...this.options, to: CHUNK_RECORDS });
      } catch (err) {
        if (!(err instanceof CsvError) || !QUOTING_ERRORS.has(err.code)) throw err;
        const before = Number(err.records);
        // The records before the broken one were parsed fine but are lost with the exception: parse them again.
        records = before > 0 ? parse(segment, { ...this.options, to: before }) : [];
        if (err.code === 'CSV_QUOTE_NOT_CLOSED' && !last) {
          // The field may close in text not read yet: keep the records before it, and wait for more.
          return offset + this.take(segment, records);
        }
        broken = true;
        this.workLeft -= skipLines(segment, 0, Number(err.lines) - 1);
      }
      offset += this.take(segment, records);
      if (broken) {
        const end = lineEnd(buf, offset);
        this.visit(this.line, splitLine(buf.toString('utf8', offset, end), this.delimiter));
        this.repairedLines.push(this.line);
        offset = end + 1;
        this.line += 1;
      } else if (records.length < CHUNK_RECORDS) {
        return buf.length;
      }
    }
    return Math.min(offset, buf.length);
  }

  /** Visits parsed records from the start of `segment`; answers the bytes they took. */
  private take(segment: Buffer, records: string[][]): number {
    let lines = 0;
    for (const fields of records) {
      this.visit(this.line + lines, fields);
      lines += 1 + countNewlines(fields);
    }
    const consumed = skipLines(segment, 0, lines);
    this.workLeft -= consumed;
    this.line += lines;
    return consumed;
  }
}

/** Visits each line of `text` as one record; answers the line after the last. */
function readLineByLine(text: string, firstLine: number, delimiter: CsvDelimiter, visit: RecordVisitor): number {
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    visit(line, splitLine(text.slice(start, end), delimiter));
    start = end + 1;
  }
  return line;
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
