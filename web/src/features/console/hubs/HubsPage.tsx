import { Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormDialogActions } from '../../../ui/FormDialogActions';
import { TENANCY_HUBS_PAGE_SIZE, useCreateHub, useTenancyHubs } from '../../../api/tenancy-hubs';
import { formatDate, formatNumber } from '../../../ui/format';
import { Pager } from '../../../ui/Pager';
import { EmptyState, ErrorState, LoadingBlock } from '../../../ui/states';
import { useConsoleTenancyId } from '../ConsoleFrame';

/** Hubs: every Hub of the tenancy with its members, pending invites and registration link; create one. */
export function HubsPage() {
  const tenancyId = useConsoleTenancyId();
  const [page, setPage] = useState(1);
  const hubs = useTenancyHubs(tenancyId, page);
  const [creating, setCreating] = useState(false);

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Hubs
          </Title>
          <Text c="dimmed" size="sm">
            Every Hub of this tenancy. Open one to see its members.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create Hub
        </Button>
      </Group>
      {hubs.isPending && <LoadingBlock rows={6} label="Loading Hubs" />}
      {hubs.isError && <ErrorState error={hubs.error} onRetry={() => void hubs.refetch()} />}
      {hubs.data && hubs.data.items.length === 0 && (
        <EmptyState>This tenancy has no Hubs yet. Create the first one; you become its Hub admin.</EmptyState>
      )}
      {hubs.data && hubs.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Hubs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Hub</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Members
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Pending invites
                  </Table.Th>
                  <Table.Th scope="col">Registration link</Table.Th>
                  <Table.Th scope="col">You</Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {hubs.data.items.map((hub) => (
                  <Table.Tr key={hub.id}>
                    <Table.Td fw={500}>{hub.name}</Table.Td>
                    <Table.Td ta="right">{formatNumber(hub.memberCount)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(hub.pendingInviteCount)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={hub.registrationLinkEnabled ? 'green' : 'gray'}>
                        {hub.registrationLinkEnabled ? 'Enabled' : 'Disabled'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {hub.membership ? (hub.membership.isHubAdmin ? 'Hub admin' : 'Member') : 'Not a member'}
                    </Table.Td>
                    <Table.Td>{formatDate(hub.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        component={Link}
                        to={`/hubs/${hub.id}/contacts`}
                        size="xs"
                        variant="light"
                        aria-label={`Open ${hub.name}`}
                      >
                        Open
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={hubs.data.total} pageSize={TENANCY_HUBS_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
      <CreateHubDialog tenancyId={tenancyId} opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function CreateHubDialog({ tenancyId, opened, onClose }: { tenancyId: string; opened: boolean; onClose: () => void }) {
  const create = useCreateHub(tenancyId);
  const [name, setName] = useState('');
  const close = () => {
    create.reset();
    setName('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title="Create a Hub">
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Hub name"
            description="Unique within this tenancy. You become the Hub's first Hub admin."
            required
            maxLength={200}
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <FormDialogActions
            error={create.error}
            pending={create.isPending}
            submitLabel="Create Hub"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
