import { Table, Text, Title } from '@mantine/core';
import { useImportRows } from '../../../api/imports';
import { formatNumber } from '../../../ui/format';
import { ErrorState, LoadingBlock } from '../../../ui/states';

/** The rows that could not be used (line, value, reason), first of all. */
export function BadRows({ jobId, invalidCount, limit = 20 }: { jobId: string; invalidCount: number; limit?: number }) {
  const rows = useImportRows(jobId, 'invalid', limit);
  if (invalidCount === 0) {
    return (
      <Text size="sm" c="dimmed">
        No bad rows: every row holds an email address.
      </Text>
    );
  }
  return (
    <section aria-labelledby={`bad-rows-${jobId}`}>
      <Title order={4} size="h6" id={`bad-rows-${jobId}`} mb="xs">
        Bad rows{' '}
        {invalidCount > limit
          ? `(the first ${limit} of ${formatNumber(invalidCount)})`
          : `(${formatNumber(invalidCount)})`}
      </Title>
      {rows.isPending && <LoadingBlock rows={3} label="Loading bad rows" />}
      {rows.isError && <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />}
      {rows.data && (
        <Table withTableBorder verticalSpacing={6} aria-label="Bad rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>
                Line
              </Table.Th>
              <Table.Th scope="col">Value</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.data.items.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td>{formatNumber(row.line)}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{row.rawValue || '(empty)'}</Table.Td>
                <Table.Td>{row.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
