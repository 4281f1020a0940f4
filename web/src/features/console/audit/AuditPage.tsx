import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconX } from '@tabler/icons-react';
import { AUDIT_PAGE_SIZE, auditCsvUrl, useAuditLog } from '../../../api/audit';
import { useTenancyHubOptions } from '../../../api/tenancy-hubs';
import type { AuditLogEntry } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { HubFilter } from '../filters/HubFilter';
import { ServerPagedTable } from '../filters/ServerPagedTable';
import { TimeRangeInputs } from '../filters/TimeRangeInputs';
import { useUrlFilters } from '../filters/useUrlFilters';
import { AUDIT_ACTIONS } from './audit-actions';

const FILTERS = ['actorAccountId', 'action', 'hubId', 'from', 'to', 'correlationId'] as const;

/** Who did what, when, to whom — read-only, filtered on the server, exported as CSV. */
export function AuditPage() {
  const tenancyId = useConsoleTenancyId();
  const filters = useUrlFilters(FILTERS);
  const log = useAuditLog(tenancyId, filters.values, filters.page);
  const hubNames = new Map((useTenancyHubOptions(tenancyId).data ?? []).map((hub) => [hub.value, hub.label]));
  const { actorAccountId, action, hubId, from, to, correlationId } = filters.values;
  const setCorrelation = useDebouncedCallback((value: string) => filters.set({ correlationId: value.trim() }), 400);
  const actorShown = log.data?.items.find((entry) => entry.actorAccountId === actorAccountId);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          Audit log
        </Title>
        <Anchor href={auditCsvUrl(tenancyId, filters.values)} download>
          <Group gap={6} component="span">
            <IconDownload size={16} aria-hidden />
            Export as CSV
          </Group>
        </Anchor>
      </Group>
      <Text c="dimmed" size="sm">
        Who did what, when and to whom in this tenancy. The log cannot be changed. Click a person, an action or a
        correlation id to see only those rows.
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter the audit log">
        <Select
          label="Action"
          placeholder="Any action"
          data={[...AUDIT_ACTIONS]}
          value={action ?? null}
          onChange={(value) => filters.set({ action: value })}
          searchable
          clearable
          w={250}
        />
        <HubFilter tenancyId={tenancyId} value={hubId} onChange={(value) => filters.set({ hubId: value })} />
        <TimeRangeInputs from={from} to={to} onChange={(range) => filters.set(range)} />
        <TextInput
          key={correlationId ?? ''}
          label="Correlation id"
          placeholder="From a mass invite or request"
          defaultValue={correlationId ?? ''}
          onChange={(event) => setCorrelation(event.currentTarget.value)}
          w={300}
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            Clear filters
          </Button>
        )}
      </Group>
      {actorAccountId && (
        <Group gap="xs">
          <Text size="sm">Only what {actorShown ? (actorShown.actorName ?? 'this account') : 'this account'} did.</Text>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => filters.set({ actorAccountId: null })}
          >
            Anyone
          </Button>
        </Group>
      )}
      <ServerPagedTable
        query={log}
        label="Audit entries"
        noun={['entry', 'entries']}
        columns={['When', 'Who', 'Did', 'To whom / what', 'Hub', 'Correlation id']}
        minWidth={900}
        empty="Nothing has been recorded yet."
        filtered={filters.active}
        pageSize={AUDIT_PAGE_SIZE}
        page={filters.page}
        onPage={filters.setPage}
        row={(entry) => (
          <AuditRow
            key={entry.id}
            entry={entry}
            hubName={entry.hubId ? (hubNames.get(entry.hubId) ?? 'another Hub') : '—'}
            onFilter={filters.set}
          />
        )}
      />
    </Stack>
  );
}

function AuditRow({
  entry,
  hubName,
  onFilter,
}: {
  entry: AuditLogEntry;
  hubName: string;
  onFilter: (changes: Partial<Record<(typeof FILTERS)[number], string>>) => void;
}) {
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.createdAt)}</Table.Td>
      <Table.Td>
        {entry.actorAccountId ? (
          <UnstyledButton onClick={() => onFilter({ actorAccountId: entry.actorAccountId ?? undefined })}>
            <Text size="sm" fw={500} c="indigo.8">
              {entry.actorName ?? 'Unknown account'}
            </Text>
            {entry.actorEmail && (
              <Text size="xs" c="dimmed">
                {entry.actorEmail}
              </Text>
            )}
            <VisuallyHidden>: only what they did</VisuallyHidden>
          </UnstyledButton>
        ) : (
          <Text size="sm" c="dimmed">
            Gatehouse (system)
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <UnstyledButton onClick={() => onFilter({ action: entry.action })} aria-label={`Only ${entry.action}`}>
          <Badge variant="light" style={{ cursor: 'pointer', textTransform: 'none' }}>
            {entry.action}
          </Badge>
        </UnstyledButton>
      </Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.subject ?? '—'}</Table.Td>
      <Table.Td>{hubName}</Table.Td>
      <Table.Td>
        {entry.correlationId ? (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => onFilter({ correlationId: entry.correlationId ?? undefined })}
            aria-label={`Every row of correlation id ${entry.correlationId}`}
          >
            <Code title={entry.correlationId}>{entry.correlationId.slice(0, 8)}…</Code>
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
