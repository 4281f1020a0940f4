import type { ImportJob } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { IMPORT_OUTCOMES } from '../../../ui/labels';

/** The badge colour of a job's state (the Hub's history and the console's imports page). */
export const IMPORT_STATUS_COLOR: Record<ImportJob['status'], string> = {
  queued: 'gray',
  parsing: 'blue',
  running: 'blue',
  done: 'teal',
  failed: 'red',
};

/** "invited 12 · added 3 · invalid 1", or the progress while no row is decided yet. */
export function countsInWords(job: ImportJob): string {
  const parts = IMPORT_OUTCOMES.filter(({ outcome }) => (job.summary[outcome] ?? 0) > 0).map(
    ({ outcome, label }) => `${label.toLowerCase()} ${formatNumber(job.summary[outcome])}`,
  );
  if (parts.length > 0) return parts.join(' · ');
  return job.totalRows === null ? '—' : `${formatNumber(job.processedRows)} of ${formatNumber(job.totalRows)} rows`;
}
