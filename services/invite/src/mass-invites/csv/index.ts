export {
  countInviteCsvRows,
  parseInviteCsv,
  readInviteCsvRows,
  surveyInviteCsv,
  type CsvReadSummary,
  type FilePieces,
} from './parse-invite-csv';
export type { CsvShape } from './text-survey';
export { buildReportCsv, csvCell, type ReportRow, type ReportCsvOptions } from './report-csv';
export { CsvRefusedError, type CsvRefusalCode } from './csv-refused-error';
export {
  CSV_FIXES,
  DEFAULT_CSV_LIMITS,
  type CsvDelimiter,
  type CsvLimits,
  type ParsedInviteCsv,
  type ParsedRow,
  type RowOutcome,
} from './types';
