import { Anchor, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CONSOLE_IMPORTS_PAGE_SIZE, useTenancyImports } from '../../../api/console-imports';
import type { ImportJob, ImportStatus } from '../../../api/types';
import { formatDateTime } from '../../../ui/format';
import { IMPORT_STATUS_LABEL, USER_TYPE_LABEL } from '../../../ui/labels';
import { countsInWords } from '../../invite/mass/import-summary';
import { ImportState } from '../../invite/mass/ImportState';
import { ImportProgress } from '../../invite/mass/ImportProgress';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { HubFilter } from '../filters/HubFilter';
import { ServerPagedTable } from '../filters/ServerPagedTable';
import { useUrlFilters } from '../filters/useUrlFilters';

const FILTERS = ['hubId', 'status'] as const;
const STATUS_OPTIONS = (Object.keys(IMPORT_STATUS_LABEL) as ImportStatus[]).map((status) => ({
  value: status,
  label: IMPORT_STATUS_LABEL[status],
}));

/** Every mass invite of the tenancy: who, which Hub, user type, state, progress and counts; running ones move. */
export function ImportsPage() {
  const tenancyId = useConsoleTenancyId();
  const filters = useUrlFilters(FILTERS);
  const { hubId, status } = filters.values;
  const imports = useTenancyImports(tenancyId, { hubId, status: status as ImportStatus | undefined }, filters.page);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Imports
      </Title>
      <Text c="dimmed" size="sm">
        Every mass invite in this tenancy. A running one updates by itself; open one for its rows, its report and its
        audit trail.
      </Text>
      <Group align="flex-end" gap="sm" role="search" aria-label="Filter the imports">
        <HubFilter tenancyId={tenancyId} value={hubId} onChange={(value) => filters.set({ hubId: value })} />
        <Select
          label="State"
          placeholder="Any state"
          data={STATUS_OPTIONS}
          value={status ?? null}
          onChange={(value) => filters.set({ status: value })}
          clearable
        />
        {filters.active && (
          <Button variant="subtle" onClick={filters.clear}>
            Clear filters
          </Button>
        )}
      </Group>
      <ServerPagedTable
        query={imports}
        label="Mass invites"
        noun={['mass invite', 'mass invites']}
        columns={['Uploaded', 'By', 'Hub', 'User type', 'State', 'Progress', 'Outcomes']}
        minWidth={980}
        empty="No mass invites in this tenancy yet. They appear here as soon as someone uploads a file in a Hub."
        filtered={filters.active}
        pageSize={CONSOLE_IMPORTS_PAGE_SIZE}
        page={filters.page}
        onPage={filters.setPage}
        row={(job) => <ImportRow key={job.id} job={job} tenancyId={tenancyId} />}
      />
    </Stack>
  );
}

function ImportRow({ job, tenancyId }: { job: ImportJob; tenancyId: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/console/tenancies/${tenancyId}/imports/${job.id}`} size="sm">
          {formatDateTime(job.createdAt)}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {job.fileName}
        </Text>
      </Table.Td>
      <Table.Td>{job.createdByName}</Table.Td>
      <Table.Td>{job.hubName}</Table.Td>
      <Table.Td>{USER_TYPE_LABEL[job.userType]}</Table.Td>
      <Table.Td miw={130}>
        <ImportState job={job} />
      </Table.Td>
      <Table.Td miw={160}>
        <ImportProgress job={job} compact />
      </Table.Td>
      <Table.Td>
        <Text size="xs">{countsInWords(job)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
