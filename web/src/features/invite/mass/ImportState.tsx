import { Badge, Text } from '@mantine/core';
import type { ImportJob } from '../../../api/types';
import { IMPORT_STATUS_LABEL } from '../../../ui/labels';
import { IMPORT_STATUS_COLOR } from './import-summary';

/** A job's state as a badge, and "Preview: nothing sent" under a dry run (a table cell's content). */
export function ImportState({ job }: { job: ImportJob }) {
  return (
    <>
      <Badge variant="dot" color={IMPORT_STATUS_COLOR[job.status]}>
        {IMPORT_STATUS_LABEL[job.status]}
      </Badge>
      {job.dryRun && (
        <Text size="xs" c="dimmed">
          Preview: nothing sent
        </Text>
      )}
    </>
  );
}
