import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { errorMessage } from '../../../api/api-error';
import { useRetryFailedOfImport } from '../../../api/deliveries';
import type { RetriedDeliveries } from '../../../api/types';
import { formatNumber } from '../../../ui/format';

const emails = (count: number) => `${formatNumber(count)} email${count === 1 ? '' : 's'}`;

/** What the bulk retry did, and why any failed email was left failed (each in one short sentence). */
function retryOutcome(result: RetriedDeliveries): string {
  const left: [number, string][] = [
    [result.expired, 'their links have expired (resend those invites)'],
    [result.notPending, 'their invites were accepted or revoked since'],
    [result.resent, 'their invites were resent since, with a newer email'],
    [result.linkGone, 'sign-up confirmations, whose people can sign up again'],
  ];
  const sentences = left.filter(([count]) => count > 0).map(([count, why]) => `${emails(count)} left failed: ${why}.`);
  const queued =
    result.requeued > 0
      ? `${formatNumber(result.requeued)} failed email${result.requeued === 1 ? '' : 's'} queued again.`
      : sentences.length > 0
        ? 'No failed email could be queued again.'
        : 'No failed emails to retry.';
  return [queued, ...sentences].join(' ');
}

/** "Retry failed emails of this import", and what it did (how many were queued again). */
export function RetryFailedOfImport({ tenancyId, jobId }: { tenancyId: string; jobId: string }) {
  const retry = useRetryFailedOfImport(tenancyId);
  return (
    <Group gap="md" align="center">
      <Button
        variant="light"
        leftSection={<IconRefresh size={16} aria-hidden />}
        loading={retry.isPending}
        onClick={() => retry.mutate(jobId)}
      >
        Retry failed emails of this import
      </Button>
      {retry.isSuccess && (
        <Text size="sm" role="status">
          {retryOutcome(retry.data)}
        </Text>
      )}
      {retry.isError && (
        <Alert color="red" variant="light" role="alert" py={6}>
          {errorMessage(retry.error)}
        </Alert>
      )}
    </Group>
  );
}
