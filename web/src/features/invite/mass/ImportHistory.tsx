import { Anchor, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { IMPORTS_PAGE_SIZE, useHubImports } from '../../../api/imports';
import { useAccount } from '../../../app/auth';
import { useHubContext } from '../../../app/HubFrame';
import { formatDateTime } from '../../../ui/format';
import { USER_TYPE_LABEL } from '../../../ui/labels';
import { EmptyState, ErrorState, LoadingBlock } from '../../../ui/states';
import { Pager } from '../../../ui/Pager';
import { countsInWords } from './import-summary';
import { ImportState } from './ImportState';

/** Earlier mass invites of this Hub: who, when, user type, state and counts. */
export function ImportHistory({ currentJobId }: { currentJobId?: string }) {
  const { hub, permissions } = useHubContext();
  const account = useAccount();
  // The API shows Hub admins every mass invite of the Hub, Team Members only their own: say which list this is.
  const ownOnly = !permissions.isHubAdmin;
  const [page, setPage] = useState(1);
  const imports = useHubImports(hub.id, page);

  return (
    <section aria-labelledby="import-history-title">
      <Title order={3} size="h5" id="import-history-title" mb="sm">
        {ownOnly ? 'Your earlier mass invites in this Hub' : 'Earlier mass invites in this Hub'}
      </Title>
      {imports.isPending && <LoadingBlock rows={3} label="Loading earlier mass invites" />}
      {imports.isError && <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />}
      {imports.data && imports.data.items.length === 0 && (
        <EmptyState>
          {ownOnly
            ? 'You have not sent a mass invite in this Hub yet. Each file you send is listed here with its report.'
            : 'No mass invites in this Hub yet. Each file you send is listed here with its report.'}
        </EmptyState>
      )}
      {imports.data && imports.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label="Earlier mass invites">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Who</Table.Th>
                  <Table.Th scope="col">File</Table.Th>
                  <Table.Th scope="col">User type</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Counts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imports.data.items.map((job) => (
                  <Table.Tr key={job.id} bg={job.id === currentJobId ? 'indigo.0' : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`/hubs/${hub.id}/invite/mass/${job.id}`} size="sm">
                        {formatDateTime(job.createdAt)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {job.createdBy === account.id ? `${job.createdByName} (you)` : job.createdByName}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{job.fileName}</Table.Td>
                    <Table.Td>{USER_TYPE_LABEL[job.userType]}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                      <ImportState job={job} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{countsInWords(job)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={imports.data.total} pageSize={IMPORTS_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </section>
  );
}
