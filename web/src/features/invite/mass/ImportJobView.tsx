import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { isFinished, reportCsvUrl, useImportJob } from '../../../api/imports';
import type { ImportJob } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { USER_TYPE_LABEL } from '../../../ui/labels';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { BadRows } from './BadRows';
import { DryRunResult, FailedImport, FixesNote } from './DryRunPreview';
import { ImportProgress } from './ImportProgress';
import { OutcomeChart, OutcomeCounts } from './OutcomeCounts';

/** One mass invite by its URL: progress while it runs (polled), then the summary and the report. */
export function ImportJobView({ jobId }: { jobId: string }) {
  const job = useImportJob(jobId);
  if (job.isPending) return <LoadingBlock rows={5} label="Loading the mass invite" />;
  if (job.isError)
    return (
      <ErrorState error={job.error} onRetry={() => void job.refetch()} title="This mass invite could not be loaded" />
    );
  const data = job.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="job-title">
      <Stack gap="md">
        <div>
          <Title order={3} size="h5" id="job-title">
            {data.dryRun ? 'Preview of ' : 'Mass invite from '}
            {data.fileName}
          </Title>
          <Text size="sm" c="dimmed">
            {USER_TYPE_LABEL[data.userType]}s · started {formatDateTime(data.createdAt)}
            {data.finishedAt ? ` · finished ${formatDateTime(data.finishedAt)}` : ''}
          </Text>
        </div>
        {data.dryRun ? <DryRunResult job={data} /> : <JobBody job={data} />}
      </Stack>
    </Paper>
  );
}

const hasCounts = (job: ImportJob) => Object.values(job.summary).some((count) => (count ?? 0) > 0);

function JobBody({ job }: { job: ImportJob }) {
  if (!isFinished(job)) {
    return (
      <Stack gap="md">
        <ImportProgress job={job} />
        {/* Counts come from the rows decided so far; before the first ones, zeros would mislead. */}
        {hasCounts(job) ? (
          <>
            <Text size="sm" fw={500}>
              Counts so far
            </Text>
            <OutcomeCounts summary={job.summary} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            The counts per outcome (added, invited, already members…) appear as soon as the first rows are decided.
          </Text>
        )}
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
          It is safe to close this page: the invites keep going, and this page&apos;s address brings the progress back.
        </Alert>
      </Stack>
    );
  }
  if (job.status === 'failed') return <FailedImport job={job} />;
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Summary
        </Text>
        <OutcomeCounts summary={job.summary} />
      </Stack>
      <BadRows jobId={job.id} invalidCount={job.summary.invalid ?? 0} />
      <OutcomeChart summary={job.summary} />
      <FixesNote job={job} />
      <Group>
        <Anchor href={reportCsvUrl(job.id)} download>
          <Group gap={6} component="span">
            <IconDownload size={16} aria-hidden />
            Download report (CSV)
          </Group>
        </Anchor>
        <Text size="sm" c="dimmed">
          Every row with what happened to it.
        </Text>
      </Group>
    </Stack>
  );
}
