/** Mass invites from a CSV (import jobs), served by the invite service. */
export const IMPORT_PATTERNS = {
  /** Before an upload is read: may the actor invite into the Hub? Opens an upload; answers its id and limits. */
  UPLOAD_BEGIN: 'invite.import.upload.begin',
  /** One piece of the file (at most IMPORT_UPLOAD_PIECE_BYTES), in order: the file never crosses as one message. */
  UPLOAD_APPEND: 'invite.import.upload.append',
  /** The upload will not be finished (client gone, too large, refused): its pieces are dropped. */
  UPLOAD_ABORT: 'invite.import.upload.abort',
  /** The upload is complete: a queued job is created for it. */
  CREATE: 'invite.import.create',
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
