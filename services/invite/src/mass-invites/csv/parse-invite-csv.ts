import { RowClassifier } from './classify-rows';
import { RecordReader } from './read-records';
import { EncodingSniffer, TextPieces } from './text-pieces';
import { CsvShape, TextSurvey } from './text-survey';
import { CSV_FIXES, DEFAULT_CSV_LIMITS, type CsvLimits, type ParsedInviteCsv, type ParsedRow } from './types';

const MAX_LINES_LISTED = 10;
/** Rows are handed on after at most this many bytes of the file, so that a batch of rows stays small. */
const SLICE_BYTES = 128 * 1024;

/** A file as pieces, read once per pass: each call starts a new reading from its first byte. */
export type FilePieces = () => AsyncIterable<Buffer>;

/** What reading the rows learnt, besides the rows themselves. */
export type CsvReadSummary = Omit<ParsedInviteCsv, 'rows'> & {
  /** Non-blank data rows (the header excluded): the job's totalRows. */
  dataRows: number;
};

/**
 * Reads a mass-invite upload held whole, synchronously. Throws CsvRefusedError when the file as a whole
 * cannot be used; otherwise every row comes back with its outcome, and a bad row never affects the
 * others. The same three passes as readInviteCsv, over one piece.
 */
export function parseInviteCsv(input: Buffer, limits: Partial<CsvLimits> = {}): ParsedInviteCsv {
  const effective: CsvLimits = { ...DEFAULT_CSV_LIMITS, ...limits };
  const sniffer = new EncodingSniffer();
  sniffer.write(input);
  const survey = new TextSurvey(sniffer.end(effective.maxBytes));
  survey.write(input);
  const shape = survey.end();
  const rows: ParsedRow[] = [];
  const reader = new RowReader(shape, effective, (row) => rows.push(row));
  reader.write(input);
  const { dataRows: _dataRows, ...read } = reader.end();
  return { rows, ...read };
}

/**
 * Passes one and two over a stored file (nothing of it kept but its first 64 KiB of text): its size,
 * encoding, line ends, sep= line and delimiter. Throws CsvRefusedError for a file refused whole (too
 * large, not text, empty).
 */
export async function surveyInviteCsv(pieces: FilePieces, limits: CsvLimits): Promise<CsvShape> {
  const sniffer = new EncodingSniffer();
  for await (const piece of pieces()) sniffer.write(piece);
  const survey = new TextSurvey(sniffer.end(limits.maxBytes));
  for await (const piece of pieces()) survey.write(piece);
  return survey.end();
}

/**
 * Pass three: reads the rows of a surveyed file as a stream, handing them to `onRows` in file order a
 * small batch at a time (awaited before more is read: the rows of the whole file are never held).
 * Throws CsvRefusedError past a row limit.
 */
export async function readInviteCsvRows(
  pieces: FilePieces,
  shape: CsvShape,
  limits: CsvLimits,
  onRows: (rows: ParsedRow[]) => Promise<void>,
): Promise<CsvReadSummary> {
  let batch: ParsedRow[] = [];
  const reader = new RowReader(shape, limits, (row) => batch.push(row));
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await onRows(rows);
  };
  for await (const piece of pieces()) {
    for (let at = 0; at < piece.length; at += SLICE_BYTES) {
      reader.write(piece.subarray(at, at + SLICE_BYTES));
      await flush();
    }
  }
  const summary = reader.end();
  await flush();
  return summary;
}

/**
 * Pass three as a count only (a job's total, before anything is decided): the rows are read and counted
 * as readInviteCsvRows would, with the same fixes and the same CsvRefusedError past a row limit, but no
 * address is extracted or normalised.
 */
export async function countInviteCsvRows(
  pieces: FilePieces,
  shape: CsvShape,
  limits: CsvLimits,
): Promise<CsvReadSummary> {
  const reader = new RowReader(shape, limits, null);
  for await (const piece of pieces()) reader.write(piece);
  return reader.end();
}

/** Pass three over pieces written to it: text → records → classified rows, with the fixes found on the way. */
class RowReader {
  private readonly pieces: TextPieces;
  private readonly records: RecordReader;
  private readonly classifier: RowClassifier;
  private sepLeft: number;

  constructor(
    private readonly shape: CsvShape,
    limits: CsvLimits,
    onRow: ((row: ParsedRow) => void) | null,
  ) {
    this.pieces = new TextPieces(shape.choice);
    this.classifier = new RowClassifier(limits, onRow);
    this.records = new RecordReader(shape.delimiter, shape.firstLine, shape.textBytes, (line, fields) =>
      this.classifier.add(line, fields),
    );
    this.sepLeft = shape.sepLength;
  }

  write(piece: Buffer): void {
    this.add(this.pieces.write(piece).text);
  }

  end(): CsvReadSummary {
    this.add(this.pieces.end().text);
    const read = this.records.end();
    const fixes = [...this.shape.fixes];
    if (this.classifier.header) fixes.push(CSV_FIXES.header);
    if (read.repairedLines.length > 0) {
      fixes.push(`broken quotes read as plain text on ${listLines(read.repairedLines)}`);
    }
    if (read.lineByLineFrom !== null) {
      fixes.push(`too many broken quotes: lines from ${read.lineByLineFrom} on read one by one, quotes as plain text`);
    }
    return {
      fixes,
      header: this.classifier.header,
      delimiter: this.shape.delimiter,
      totalLines: this.shape.totalLines,
      dataRows: this.classifier.dataRowCount,
    };
  }

  private add(text: string): void {
    if (this.sepLeft > 0) {
      const dropped = Math.min(this.sepLeft, text.length);
      this.sepLeft -= dropped;
      text = text.slice(dropped);
    }
    this.records.write(text);
  }
}

function listLines(lines: readonly number[]): string {
  const shown = lines.slice(0, MAX_LINES_LISTED).join(', ');
  const more = lines.length > MAX_LINES_LISTED ? ` and ${lines.length - MAX_LINES_LISTED} more` : '';
  return `${lines.length === 1 ? 'line' : 'lines'} ${shown}${more}`;
}
