import { RenderedEmailView } from '../notification/notification.views';
import { UserType } from '../user-type';
import { ImportRowOutcome, ImportStatus } from './import.patterns';

export interface ImportJobView {
  id: string;
  hubId: string;
  /** The Hub's name (as it was at upload). */
  hubName: string;
  tenancyId: string;
  createdBy: string;
  /** The uploader's display name (as it was at upload). */
  createdByName: string;
  userType: UserType;
  dryRun: boolean;
  fileName: string;
  status: ImportStatus;
  /** Rows of the file that hold something (blank lines are skipped and not counted). */
  totalRows: number | null;
  processedRows: number;
  summary: Partial<Record<ImportRowOutcome, number>>;
  /** What the parser fixed, in words ("BOM removed", "semicolon-separated"…). */
  fixes: string[];
  error: { code: string; message: string } | null;
  correlationId: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Dry run only: the invite email that would go out (with the tenancy's appendix), as the notification service rendered it. */
  emailPreview: RenderedEmailView | null;
}

export interface ImportRowView {
  line: number;
  rawValue: string;
  email: string | null;
  outcome: ImportRowOutcome | null;
  reason: string | null;
}

export interface ImportReportCsv {
  fileName: string;
  csv: string;
}
