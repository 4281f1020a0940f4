import { Badge, Table } from '@mantine/core';
import type { QueueHealth } from '../../../api/types';
import { formatNumber } from '../../../ui/format';

const ROLE_LABEL: Record<QueueHealth['role'], string> = {
  rpc: 'Requests',
  events: 'Events',
  'dead-letter': 'Dead letters',
  retry: 'Retry wait',
};

export const deadLetterQueuesWithMessages = (queues: QueueHealth[]): QueueHealth[] =>
  queues.filter((queue) => queue.role === 'dead-letter' && (queue.ready ?? 0) > 0);

/** Every declared queue with its depth; a missing one and a dead-letter queue with messages stand out. */
export function QueueTable({ queues }: { queues: QueueHealth[] }) {
  return (
    <Table withTableBorder striped aria-label="Queues">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Queue</Table.Th>
          <Table.Th scope="col">Service</Table.Th>
          <Table.Th scope="col">Kind</Table.Th>
          <Table.Th scope="col" ta="right">
            Ready
          </Table.Th>
          <Table.Th scope="col" ta="right">
            Consumers
          </Table.Th>
          <Table.Th scope="col" w={150}>
            State
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {queues.map((queue) => {
          const deadLetters = queue.role === 'dead-letter' && (queue.ready ?? 0) > 0;
          return (
            <Table.Tr
              key={queue.name}
              bg={deadLetters || !queue.present ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Th scope="row" fw={400} ff="monospace" fz="sm">
                {queue.name}
              </Table.Th>
              <Table.Td>{queue.service}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ROLE_LABEL[queue.role]}</Table.Td>
              <Table.Td ta="right">{queue.ready === null ? '—' : formatNumber(queue.ready)}</Table.Td>
              <Table.Td ta="right">{queue.consumers === null ? '—' : formatNumber(queue.consumers)}</Table.Td>
              <Table.Td>
                {!queue.present ? (
                  <Badge color="red.9">Missing</Badge>
                ) : deadLetters ? (
                  <Badge color="red.9">Needs attention</Badge>
                ) : (
                  <Badge color="teal.9" variant="outline">
                    OK
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
