import { Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { IMPORT_STATUS_LABEL } from '../../../ui/labels';

/** "12,400 of 50,000 rows", as words and as a progress bar. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const total = job.totalRows;
  const percent = total ? Math.min(100, Math.round((job.processedRows / total) * 100)) : 0;
  const words = total
    ? `${formatNumber(job.processedRows)} of ${formatNumber(total)} rows`
    : `${IMPORT_STATUS_LABEL[job.status]}…`;
  return (
    <Stack gap={6}>
      <Text fw={600} aria-live="polite">
        {words}
      </Text>
      {/* Mantine's own aria values are percentages; these say rows, as the words above do. */}
      <Progress.Root size="lg">
        <Progress.Section
          value={percent}
          striped
          animated
          withAria={false}
          role="progressbar"
          aria-label="Rows done"
          aria-valuemin={0}
          aria-valuemax={total ?? 0}
          aria-valuenow={job.processedRows}
          aria-valuetext={words}
        />
      </Progress.Root>
    </Stack>
  );
}
