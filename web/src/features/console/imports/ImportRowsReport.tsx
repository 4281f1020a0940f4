import { Group, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { IMPORT_ROWS_PAGE_SIZE, useImportRowPage } from '../../../api/console-imports';
import type { ImportOutcome } from '../../../api/types';
import { formatNumber } from '../../../ui/format';
import { IMPORT_OUTCOMES } from '../../../ui/labels';
import { Pager } from '../../../ui/Pager';
import { ErrorState, LoadingBlock } from '../../../ui/states';

const OUTCOME_LABEL = Object.fromEntries(IMPORT_OUTCOMES.map(({ outcome, label }) => [outcome, label])) as Record<
  ImportOutcome,
  string
>;

/** The per-row report, a page at a time from the server, optionally one outcome. */
export function ImportRowsReport({ jobId }: { jobId: string }) {
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const [page, setPage] = useState(1);
  const rows = useImportRowPage(jobId, outcome, page);
  return (
    <section aria-labelledby="rows-title">
      <Group justify="space-between" align="flex-end" mb="sm">
        <Title order={2} size="h4" id="rows-title">
          Rows{rows.data ? ` (${formatNumber(rows.data.total)})` : ''}
        </Title>
        <Select
          label="Outcome"
          placeholder="Every outcome"
          data={IMPORT_OUTCOMES.map(({ outcome: value, label }) => ({ value, label }))}
          value={outcome ?? null}
          onChange={(value) => {
            setOutcome((value as ImportOutcome | null) ?? undefined);
            setPage(1);
          }}
          clearable
        />
      </Group>
      {rows.isPending && <LoadingBlock rows={4} label="Loading the rows" />}
      {rows.isError && <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.data && rows.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No rows {outcome ? 'with this outcome' : 'decided yet'}.
        </Text>
      )}
      {rows.data && rows.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} withTableBorder aria-label="Rows of the file">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={80}>
                    Line
                  </Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">Outcome</Table.Th>
                  <Table.Th scope="col">Reason</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.data.items.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.email ?? row.rawValue}</Table.Td>
                    <Table.Td>{row.outcome ? OUTCOME_LABEL[row.outcome] : 'Pending'}</Table.Td>
                    <Table.Td>{row.reason ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={rows.data.total} pageSize={IMPORT_ROWS_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </section>
  );
}
