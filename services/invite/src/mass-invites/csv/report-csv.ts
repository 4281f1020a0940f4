/** One row of the per-row result report; ParsedRow fits, and so do rows carrying later outcomes. */
export interface ReportRow {
  line: number;
  raw: string;
  email: string | null;
  outcome: string;
  reason: string | null;
}

export interface ReportCsvOptions {
  /** Prefix a UTF-8 BOM so that Excel shows non-ASCII characters right. Default false. */
  bom?: boolean;
}

const REPORT_HEADER = ['line', 'raw_value', 'email', 'outcome', 'reason'];
// A cell starting with one of these is run as a formula by spreadsheets (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** The per-row report as CSV (CRLF line ends), every cell neutralised against formula injection. */
export function buildReportCsv(rows: Iterable<ReportRow>, options: ReportCsvOptions = {}): string {
  const lines = [REPORT_HEADER.join(',')];
  for (const row of rows) {
    lines.push([String(row.line), row.raw, row.email ?? '', row.outcome, row.reason ?? ''].map(csvCell).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** One CSV cell: a leading `'` when a spreadsheet would take it for a formula, then quoted if needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(QUOTE, '""')}"` : safe;
}
