import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { errorMessage } from '../../../api/api-error';
import { useRetryFailedOfImport } from '../../../api/deliveries';
import { formatNumber } from '../../../ui/format';

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
          {retry.data.requeued === 0
            ? 'No failed emails to retry.'
            : `${formatNumber(retry.data.requeued)} failed email${retry.data.requeued === 1 ? '' : 's'} queued again.`}
          {retry.data.expired > 0 &&
            ` ${formatNumber(retry.data.expired)} left failed: their invites have expired (resend those invites).`}
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
