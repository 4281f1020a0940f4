/** Mass invites from a CSV (import jobs), served by the invite service. */
export const IMPORT_PATTERNS = {
  CREATE: 'invite.import.create',
  /** Before an upload is read: may the actor invite into the Hub, and how large may the file be? */
  UPLOAD_CHECK: 'invite.import.upload-check',
  GET: 'invite.import.get',
  LIST: 'invite.import.list',
  /** Every job of a tenancy (tenant admins of it and operators), optionally one Hub's or one state's. */
  LIST_TENANCY: 'invite.import.list-tenancy',
  ROWS: 'invite.import.rows',
  REPORT_CSV: 'invite.import.report-csv',
} as const;

export const IMPORT_STATUSES = ['queued', 'parsing', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** What happened to one row of the file. */
export const IMPORT_ROW_OUTCOMES = [
  'added',
  'invited',
  'already_member',
  'already_invited',
  'duplicate_in_file',
  'invalid',
  'skipped',
] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];
