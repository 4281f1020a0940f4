import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { isFinished, useImportJob } from '../../../api/imports';
import type { ImportJob } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { USER_TYPE_LABEL } from '../../../ui/labels';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { BadRows } from './BadRows';
import { EmailPreview } from './EmailPreview';
import { ImportProgress } from './ImportProgress';
import { OutcomeCounts } from './OutcomeCounts';

/** A dry run's result: what would happen per row, the bad rows, and the email as it will be sent. */
export function DryRunPreview({ jobId }: { jobId: string }) {
  const job = useImportJob(jobId);
  const section = useRef<HTMLElement>(null);
  // The preview appears below the buttons, often below the fold: bring it into view once.
  // A block body: Chromium's scrollIntoView returns a promise, and an effect may return only a cleanup function.
  useEffect(() => {
    section.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [jobId]);
  return (
    <Paper ref={section} withBorder p="md" radius="md" component="section" aria-labelledby="dry-run-title">
      <Title order={3} size="h5" id="dry-run-title" mb="sm">
        Preview — nothing was changed or sent
      </Title>
      {job.isPending && <LoadingBlock rows={4} label="Loading the preview" />}
      {job.isError && <ErrorState error={job.error} onRetry={() => void job.refetch()} />}
      {job.data && <DryRunResult job={job.data} />}
    </Paper>
  );
}

export function DryRunResult({ job }: { job: ImportJob }) {
  if (!isFinished(job)) return <ImportProgress job={job} />;
  if (job.status === 'failed') return <FailedImport job={job} />;
  return (
    <Stack gap="md">
      <Text size="sm">
        {job.fileName}: {formatNumber(job.totalRows)} rows, as {USER_TYPE_LABEL[job.userType]}s. If you send this file:
      </Text>
      <OutcomeCounts summary={job.summary} />
      <FixesNote job={job} />
      <BadRows jobId={job.id} invalidCount={job.summary.invalid ?? 0} limit={10} />
      {job.emailPreview && <EmailPreview email={job.emailPreview} />}
    </Stack>
  );
}

export function FailedImport({ job }: { job: ImportJob }) {
  return (
    <Alert color="red" variant="light" role="alert" title="The file could not be used">
      {job.error?.message ?? 'The import stopped. Try again, or split the file.'}
    </Alert>
  );
}

export function FixesNote({ job }: { job: ImportJob }) {
  if (job.fixes.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      Fixed while reading the file: {job.fixes.join('; ')}.
    </Text>
  );
}
