import { Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { IMPORT_STATUS_LABEL } from '../../../ui/labels';

/**
 * "12,400 of 50,000 rows", as words and as a progress bar. `compact`: small, for a table cell (several on a
 * page, so no live region and a label naming the file).
 */
export function ImportProgress({ job, compact = false }: { job: ImportJob; compact?: boolean }) {
  const total = job.totalRows;
  const percent = total ? Math.min(100, Math.round((job.processedRows / total) * 100)) : 0;
  const words = total
    ? `${formatNumber(job.processedRows)} of ${formatNumber(total)} rows`
    : `${IMPORT_STATUS_LABEL[job.status]}…`;
  return (
    <Stack gap={compact ? 2 : 6}>
      <Text fw={compact ? 400 : 600} size={compact ? 'xs' : undefined} aria-live={compact ? undefined : 'polite'}>
        {words}
      </Text>
      {/* Mantine's own aria values are percentages; these say rows, as the words above do. */}
      <Progress.Root size={compact ? 'sm' : 'lg'}>
        <Progress.Section
          value={percent}
          striped={!compact}
          animated={!compact}
          withAria={false}
          role="progressbar"
          aria-label={compact ? `Rows done of ${job.fileName}` : 'Rows done'}
          aria-valuemin={0}
          aria-valuemax={total ?? 0}
          aria-valuenow={job.processedRows}
          aria-valuetext={words}
        />
      </Progress.Root>
    </Stack>
  );
}
