export type CsvDelimiter = ',' | ';' | '\t';

export type RowOutcome = 'valid' | 'invalid' | 'duplicate_in_file' | 'blank';

/**
 * One data row of the upload. Blank rows (empty line, or empty first cell) are included with
 * outcome 'blank' so the per-row report can say which lines were skipped; the header row and
 * a `sep=` line are not rows.
 */
export interface ParsedRow {
  /** 1-based physical line in the file as a text editor shows it (sep= line and header count). */
  line: number;
  /** The first cell as read (CSV quoting removed); cut to maxCellLength + '…' when over-long. */
  raw: string;
  /** The normalised address for 'valid' and 'duplicate_in_file', otherwise null. */
  email: string | null;
  outcome: RowOutcome;
  /** Why the row is not valid, in words a person understands; null for 'valid'. */
  reason: string | null;
}

export interface ParsedInviteCsv {
  rows: ParsedRow[];
  /** What was repaired or assumed, e.g. "BOM removed", "semicolon-separated". */
  fixes: string[];
  header: boolean;
  delimiter: CsvDelimiter;
  /** Physical lines in the file, sep= and header lines included; a final line end opens no new line. */
  totalLines: number;
}

export interface CsvLimits {
  maxBytes: number;
  /** Most data rows (non-blank, header excluded); blank rows have the same cap of their own. */
  maxRows: number;
  /** Longest first cell accepted; a longer one makes that row invalid. */
  maxCellLength: number;
}

export const DEFAULT_CSV_LIMITS: Readonly<CsvLimits> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  maxCellLength: 320,
});

/** The "fixes" strings, stable so that callers and tests can match them. */
export const CSV_FIXES = {
  bomRemoved: 'BOM removed',
  utf16le: 'UTF-16 LE decoded',
  utf16be: 'UTF-16 BE decoded',
  windows1252: 'Windows-1252 decoded',
  crLineEndings: 'CR line endings',
  sepLine: 'sep= line honoured',
  semicolon: 'semicolon-separated',
  tab: 'tab-separated',
  header: 'header row skipped',
} as const;
