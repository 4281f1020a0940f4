import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconListDetails, IconMail } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isFinished, reportCsvUrl, useImportJob } from '../../../api/imports';
import type { ImportJob } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { IMPORT_STATUS_LABEL, USER_TYPE_LABEL } from '../../../ui/labels';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { FailedImport, FixesNote } from '../../invite/mass/DryRunPreview';
import { IMPORT_STATUS_COLOR } from '../../invite/mass/import-summary';
import { ImportProgress } from '../../invite/mass/ImportProgress';
import { OutcomeChart, OutcomeCounts } from '../../invite/mass/OutcomeCounts';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { ImportRowsReport } from './ImportRowsReport';
import { RetryFailedOfImport } from './RetryFailedOfImport';

/** One mass invite in the console: facts, progress (polled while it runs), outcome chart, rows and links. */
export function ImportDetailPage() {
  const tenancyId = useConsoleTenancyId();
  const { jobId = '' } = useParams();
  const job = useImportJob(jobId);
  const base = `/console/tenancies/${tenancyId}`;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={`${base}/imports`}>
          Imports
        </Anchor>
        <Text>{job.data?.fileName ?? 'Mass invite'}</Text>
      </Breadcrumbs>
      {job.isPending && <LoadingBlock rows={6} label="Loading the mass invite" />}
      {job.isError && (
        <ErrorState error={job.error} onRetry={() => void job.refetch()} title="This mass invite could not be loaded" />
      )}
      {job.data && <ImportDetail job={job.data} base={base} tenancyId={tenancyId} />}
    </Stack>
  );
}

function ImportDetail({ job, base, tenancyId }: { job: ImportJob; base: string; tenancyId: string }) {
  const correlation = encodeURIComponent(job.correlationId);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {job.dryRun ? 'Preview of ' : 'Mass invite from '}
            {job.fileName}
          </Title>
          <Text c="dimmed" size="sm">
            {job.hubName} · {USER_TYPE_LABEL[job.userType]}s · uploaded by {job.createdByName} on{' '}
            {formatDateTime(job.createdAt)}
            {job.finishedAt ? ` · finished ${formatDateTime(job.finishedAt)}` : ''}
          </Text>
        </div>
        <Badge size="lg" variant="dot" color={IMPORT_STATUS_COLOR[job.status]}>
          {IMPORT_STATUS_LABEL[job.status]}
        </Badge>
      </Group>

      <Group gap="lg">
        <Anchor component={Link} to={`${base}/audit?correlationId=${correlation}`}>
          <Group gap={6} component="span">
            <IconListDetails size={16} aria-hidden />
            Audit log of this import
          </Group>
        </Anchor>
        <Anchor component={Link} to={`${base}/deliveries?correlationId=${correlation}&importId=${job.id}`}>
          <Group gap={6} component="span">
            <IconMail size={16} aria-hidden />
            Emails of this import
          </Group>
        </Anchor>
        {job.status === 'done' && (
          <Anchor href={reportCsvUrl(job.id)} download>
            <Group gap={6} component="span">
              <IconDownload size={16} aria-hidden />
              Download report (CSV)
            </Group>
          </Anchor>
        )}
      </Group>

      {!isFinished(job) && (
        <Paper withBorder p="md" radius="md">
          <ImportProgress job={job} />
        </Paper>
      )}
      {job.status === 'failed' && <FailedImport job={job} />}

      <section aria-labelledby="outcomes-title">
        <Title order={2} size="h4" id="outcomes-title" mb="sm">
          {isFinished(job) ? 'Outcomes' : 'Outcomes so far'}
        </Title>
        <Stack gap="md">
          <OutcomeCounts summary={job.summary} />
          <OutcomeChart summary={job.summary} />
          <FixesNote job={job} />
        </Stack>
      </section>

      {job.status === 'done' && !job.dryRun && <RetryFailedOfImport tenancyId={tenancyId} jobId={job.id} />}

      <ImportRowsReport jobId={job.id} />
    </Stack>
  );
}
