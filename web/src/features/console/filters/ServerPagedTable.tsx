import { Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatNumber } from '../../../ui/format';
import { Pager } from '../../../ui/Pager';
import { EmptyState, ErrorState, LoadingBlock } from '../../../ui/states';

interface Paged<T> {
  items: T[];
  total: number;
}

/**
 * A console list that pages on the server: loading, error (with retry), empty (with or without filters),
 * "N things", the table with its column headers, and the pager. Rows are the page's own.
 */
export function ServerPagedTable<T>({
  query,
  label,
  noun,
  columns,
  minWidth,
  empty,
  filtered,
  pageSize,
  page,
  onPage,
  row,
}: {
  query: UseQueryResult<Paged<T>>;
  /** The table's accessible name. */
  label: string;
  /** Singular and plural: "1 email", "2 emails". */
  noun: [string, string];
  columns: ReactNode[];
  minWidth: number;
  /** What to say when there is nothing at all (with filters on, "No … matches these filters."). */
  empty: string;
  filtered: boolean;
  pageSize: number;
  page: number;
  onPage: (page: number) => void;
  row: (item: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingBlock rows={6} label={`Loading the ${noun[1]}`} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (items.length === 0) {
    return <EmptyState>{filtered ? `No ${noun[0]} matches these filters.` : empty}</EmptyState>;
  }
  return (
    <>
      <Text size="sm" c="dimmed">
        {formatNumber(total)} {total === 1 ? noun[0] : noun[1]}
      </Text>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" striped aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column, index) => (
                <Table.Th key={index} scope="col">
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{items.map(row)}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={total} pageSize={pageSize} page={page} onChange={onPage} />
    </>
  );
}
