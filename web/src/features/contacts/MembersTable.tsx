import { Badge, Group, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { MEMBERS_PAGE_SIZE, useMembers } from '../../api/members';
import type { Membership } from '../../api/types';
import { useAccount } from '../../app/auth';
import { useHubContext } from '../../app/HubFrame';
import { formatDate, formatNumber } from '../../ui/format';
import { USER_TYPE_LABEL } from '../../ui/labels';
import { Pager } from '../../ui/Pager';
import { EmptyState, ErrorState, LoadingBlock } from '../../ui/states';
import { MemberMenu } from './MemberMenu';

/** The Hub's members, paged and searched on the server. External Members see Team Members only. */
export function MembersTable() {
  const { hub, permissions } = useHubContext();
  const account = useAccount();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const members = useMembers(hub.id, page, debouncedSearch);
  const seesAdminColumns = hub.membership?.userType === 'TEAM_MEMBER' || permissions.isHubAdmin;

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end">
        <TextInput
          label="Search by name or email"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={320}
          type="search"
        />
        {members.data && (
          <Text size="sm" c="dimmed" aria-live="polite">
            {formatNumber(members.data.total)} {members.data.total === 1 ? 'person' : 'people'}
          </Text>
        )}
      </Group>
      {members.isPending && <LoadingBlock rows={6} label="Loading members" />}
      {members.isError && <ErrorState error={members.error} onRetry={() => void members.refetch()} />}
      {members.data && members.data.items.length === 0 && (
        <EmptyState>
          {debouncedSearch.trim()
            ? 'Nobody matches that search. Check the spelling, or search by email instead.'
            : permissions.canInvite
              ? 'Nobody else is in this Hub yet. Use Invite to add people.'
              : 'Nobody else is in this Hub yet.'}
        </EmptyState>
      )}
      {members.data && members.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Email</Table.Th>
                  <Table.Th scope="col">User type</Table.Th>
                  {seesAdminColumns && <Table.Th scope="col">Hub admin</Table.Th>}
                  {seesAdminColumns && <Table.Th scope="col">Invite permission</Table.Th>}
                  <Table.Th scope="col">Joined</Table.Th>
                  {permissions.isHubAdmin && (
                    <Table.Th scope="col">
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <MemberRow
                    key={member.accountId}
                    member={member}
                    seesAdminColumns={seesAdminColumns}
                    canManage={permissions.isHubAdmin}
                    accountId={account.id}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={members.data.total} pageSize={MEMBERS_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
    </>
  );
}

function MemberRow({
  member,
  seesAdminColumns,
  canManage,
  accountId,
}: {
  member: Membership;
  accountId: string;
  seesAdminColumns: boolean;
  canManage: boolean;
}) {
  return (
    <Table.Tr>
      <Table.Td fw={500}>
        {member.displayName}
        {member.accountId === accountId && (
          <Text span c="dimmed" fw={400}>
            {' '}
            (you)
          </Text>
        )}
      </Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={member.userType === 'TEAM_MEMBER' ? 'indigo' : 'gray'}>
          {USER_TYPE_LABEL[member.userType]}
        </Badge>
      </Table.Td>
      {seesAdminColumns && <Table.Td>{member.isHubAdmin ? 'Hub admin' : '—'}</Table.Td>}
      {seesAdminColumns && (
        <Table.Td>
          {member.userType === 'TEAM_MEMBER' ? (member.canInvite ? 'Can invite' : 'Cannot invite') : '—'}
        </Table.Td>
      )}
      <Table.Td>{formatDate(member.joinedAt)}</Table.Td>
      {canManage && (
        <Table.Td ta="right">
          <MemberMenu member={member} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
