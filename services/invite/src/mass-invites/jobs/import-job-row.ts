import { ImportJobView, ImportRowOutcome, ImportStatus, UserType } from '@gatehouse/contracts';

/** invite.import_jobs as stored. */
export interface ImportJobRow {
  id: string;
  hub_id: string;
  tenancy_id: string;
  hub_name: string;
  created_by: string;
  inviter_name: string;
  user_type: UserType;
  invite_expiry_days: number;
  dry_run: boolean;
  file_name: string;
  /** The stored file (invite.import_uploads); null once the job has ended. */
  upload_id: string | null;
  status: ImportStatus;
  total_rows: number | null;
  processed_rows: number;
  summary: Partial<Record<ImportRowOutcome, number>>;
  fixes: string[];
  error_code: string | null;
  error_message: string | null;
  email_preview: ImportJobView['emailPreview'];
  correlation_id: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export const IMPORT_JOB_COLUMNS = `id, hub_id, tenancy_id, hub_name, created_by, inviter_name, user_type,
  invite_expiry_days, dry_run, file_name, upload_id, status, total_rows, processed_rows, summary, fixes, error_code,
  error_message, email_preview, correlation_id, created_at, started_at, finished_at`;

export function toImportJobView(row: ImportJobRow): ImportJobView {
  return {
    id: row.id,
    hubId: row.hub_id,
    hubName: row.hub_name,
    tenancyId: row.tenancy_id,
    createdBy: row.created_by,
    createdByName: row.inviter_name,
    userType: row.user_type,
    dryRun: row.dry_run,
    fileName: row.file_name,
    status: row.status,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    summary: row.summary,
    fixes: row.fixes,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    correlationId: row.correlation_id,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    emailPreview: row.email_preview,
  };
}
