import {
  Alert,
  Badge,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { errorMessage } from '../../../api/api-error';
import { DELIVERIES_PAGE_SIZE, useDeliveries, useRetryDelivery } from '../../../api/deliveries';
import type { Delivery, DeliveryStatus, EmailTemplateId } from '../../../api/types';
import { formatDateTime, formatNumber } from '../../../ui/format';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { HubFilter } from '../filters/HubFilter';
import { ServerPagedTable } from '../filters/ServerPagedTable';
import { TimeRangeInputs } from '../filters/TimeRangeInputs';
import { useUrlFilters } from '../filters/useUrlFilters';
import { RetryFailedOfImport } from '../imports/RetryFailedOfImport';
import { DELIVERY_STATUS_LABEL, EMAIL_KIND_LABEL } from './delivery-labels';

const FILTERS = ['status', 'template', 'hubId', 'recipient', 'from', 'to', 'correlationId', 'importId'] as const;

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const STATUS_OPTIONS = (Object.keys(DELIVERY_STATUS_LABEL) as DeliveryStatus[]).map((value) => ({
  value,
  label: DELIVERY_STATUS_LABEL[value].label,
}));

/** Every email of the tenancy with its status, attempts and last error; retry a failed one. */
export function DeliveriesPage() {
  const tenancyId = useConsoleTenancyId();
  const filters = useUrlFilters(FILTERS);
  const { status, template, hubId, recipient, from, to, correlationId, importId } = filters.values;
  const deliveries = useDeliveries(
    tenancyId,
    {
      status: status as DeliveryStatus | undefined,
      template: template as EmailTemplateId | undefined,
      hubId,
      recipient,
      from,
      to,
      correlationId,
    },
    filters.page,
  );
  const setRecipient = useDebouncedCallback((value: string) => filters.set({ recipient: value.trim() }), 400);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Deliveries
      </Title>
      <Text c="dimmed" size="sm">
        Every email Gatehouse sends for this tenancy. A failed attempt is tried again after a pause (retrying); after
        the last attempt, or when the receiving server refuses for good, it is failed and can be retried here.
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter the deliveries">
        <Select
          label="Status"
          placeholder="Any status"
          data={STATUS_OPTIONS}
          value={status ?? null}
          onChange={(value) => filters.set({ status: value })}
          clearable
          w={150}
        />
        <Select
          label="Kind"
          placeholder="Any kind"
          data={options(EMAIL_KIND_LABEL)}
          value={template ?? null}
          onChange={(value) => filters.set({ template: value })}
          clearable
          w={200}
        />
        <HubFilter tenancyId={tenancyId} value={hubId} onChange={(value) => filters.set({ hubId: value })} />
        <TextInput
          key={recipient ?? ''}
          label="Recipient"
          placeholder="Part of the address"
          defaultValue={recipient ?? ''}
          onChange={(event) => setRecipient(event.currentTarget.value)}
        />
        <TimeRangeInputs from={from} to={to} onChange={(range) => filters.set(range)} />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            Clear filters
          </Button>
        )}
      </Group>
      {correlationId && (
        <Alert variant="light" color="indigo" py="xs">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              Showing the emails of one {importId ? 'mass invite' : 'request'} (correlation id {correlationId}).
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => filters.set({ correlationId: null, importId: null })}
            >
              Show all emails
            </Button>
          </Group>
          {importId && (
            <Group mt="xs">
              <RetryFailedOfImport tenancyId={tenancyId} jobId={importId} />
            </Group>
          )}
        </Alert>
      )}
      <ServerPagedTable
        query={deliveries}
        label="Emails"
        noun={['email', 'emails']}
        columns={[
          'Recipient',
          'Kind',
          'Status',
          'Attempts',
          'Last error',
          'Time',
          <VisuallyHidden key="actions">Actions</VisuallyHidden>,
        ]}
        minWidth={900}
        empty="No emails have been sent for this tenancy yet."
        filtered={filters.active}
        pageSize={DELIVERIES_PAGE_SIZE}
        page={filters.page}
        onPage={filters.setPage}
        row={(delivery) => <DeliveryRow key={delivery.id} delivery={delivery} tenancyId={tenancyId} />}
      />
    </Stack>
  );
}

function timeInWords(delivery: Delivery): string {
  if (delivery.sentAt) return `sent ${formatDateTime(delivery.sentAt)}`;
  if (delivery.status === 'retrying' && delivery.nextAttemptAt)
    return `next attempt ${formatDateTime(delivery.nextAttemptAt)}`;
  if (delivery.status === 'failed') return `failed ${formatDateTime(delivery.updatedAt)}`;
  return `queued ${formatDateTime(delivery.createdAt)}`;
}

function DeliveryRow({ delivery, tenancyId }: { delivery: Delivery; tenancyId: string }) {
  const retry = useRetryDelivery(tenancyId);
  const status = DELIVERY_STATUS_LABEL[delivery.status];
  return (
    <Table.Tr>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{delivery.recipient}</Table.Td>
      <Table.Td>{EMAIL_KIND_LABEL[delivery.template]}</Table.Td>
      <Table.Td miw={104}>
        <Badge variant="light" color={status.color}>
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td>{formatNumber(delivery.attempts)}</Table.Td>
      <Table.Td maw={320}>
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {delivery.lastError ?? ''}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="xs">{timeInWords(delivery)}</Text>
      </Table.Td>
      <Table.Td>
        {delivery.status === 'failed' && (
          <Button
            size="xs"
            variant="light"
            loading={retry.isPending}
            onClick={() => retry.mutate(delivery.id)}
            aria-label={`Retry the email to ${delivery.recipient}`}
          >
            Retry
          </Button>
        )}
        {retry.isSuccess && (
          <Text size="xs" role="status">
            Queued again.
          </Text>
        )}
        {retry.isError && (
          <Text size="xs" c="red" role="alert">
            {errorMessage(retry.error)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
