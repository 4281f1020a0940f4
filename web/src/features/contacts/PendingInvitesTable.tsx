import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error';
import { INVITES_PAGE_SIZE, usePendingInvites, useResendInvite, useRevokeInvite } from '../../api/invites';
import type { Invite } from '../../api/types';
import { useHubContext } from '../../app/HubFrame';
import { formatDateTime, formatNumber } from '../../ui/format';
import { USER_TYPE_LABEL } from '../../ui/labels';
import { EmptyState, ErrorState, LoadingBlock } from '../../ui/states';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Pager } from '../../ui/Pager';

/** Pending invites: Hub admins see all of them, Team Members their own (the API decides which). */
export function PendingInvitesTable() {
  const { hub, permissions } = useHubContext();
  const [page, setPage] = useState(1);
  const invites = usePendingInvites(hub.id, page);
  const [revoking, setRevoking] = useState<Invite | null>(null);

  if (invites.isPending) return <LoadingBlock rows={4} label="Loading pending invites" />;
  if (invites.isError) return <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />;
  if (invites.data.items.length === 0) {
    return (
      <EmptyState>
        {permissions.isHubAdmin
          ? 'No invites are waiting for an answer. Invites you send appear here until they are accepted.'
          : 'None of your invites are waiting for an answer. Invites you send appear here until they are accepted.'}
      </EmptyState>
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {permissions.isHubAdmin ? 'Invites to this Hub not accepted yet' : 'Your invites not accepted yet'}:{' '}
        {formatNumber(invites.data.total)}.
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="sm" aria-label="Pending invites">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Email</Table.Th>
              <Table.Th scope="col">User type</Table.Th>
              <Table.Th scope="col">Invited by</Table.Th>
              <Table.Th scope="col">Sent</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
              <Table.Th scope="col">Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invites.data.items.map((invite) => (
              <InviteRow key={invite.id} invite={invite} onRevoke={() => setRevoking(invite)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager total={invites.data.total} pageSize={INVITES_PAGE_SIZE} page={page} onChange={setPage} />
      <ConfirmRevoke invite={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function InviteRow({ invite, onRevoke }: { invite: Invite; onRevoke: () => void }) {
  const { hub, permissions } = useHubContext();
  const resend = useResendInvite(hub.id);
  const expired = invite.status === 'expired';
  return (
    <Table.Tr>
      <Table.Td fw={500}>{invite.email}</Table.Td>
      <Table.Td>{USER_TYPE_LABEL[invite.userType]}</Table.Td>
      <Table.Td>{invite.inviterName}</Table.Td>
      <Table.Td>
        {formatDateTime(invite.lastSentAt)}
        {invite.sendCount > 1 && (
          <Text size="xs" c="dimmed">
            sent {formatNumber(invite.sendCount)} times
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {expired ? (
          <Badge color="orange" variant="dot">
            Expired {formatDateTime(invite.expiresAt)}
          </Badge>
        ) : (
          formatDateTime(invite.expiresAt)
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {/* Resending sends an email again: only for those who may invite (the API refuses the others). */}
          {permissions.canInvite && (
            <Button
              size="xs"
              variant="light"
              loading={resend.isPending}
              onClick={() =>
                resend.mutate(invite.id, {
                  onSuccess: () =>
                    notifications.show({ color: 'teal', message: `Invite sent again to ${invite.email}.` }),
                  onError: (error) =>
                    notifications.show({
                      color: 'red',
                      title: `Not resent to ${invite.email}`,
                      message: errorMessage(error),
                    }),
                })
              }
            >
              Resend
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={onRevoke}>
            Revoke
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function ConfirmRevoke({ invite, onClose }: { invite: Invite | null; onClose: () => void }) {
  const { hub } = useHubContext();
  const revoke = useRevokeInvite(hub.id);
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={invite !== null}
      title={invite ? `Revoke the invite to ${invite.email}?` : ''}
      explanation={
        invite ? `The link in their email stops working at once. You can invite ${invite.email} again later.` : ''
      }
      confirmLabel="Revoke invite"
      refusalTitle="Not revoked"
      error={revoke.error}
      pending={revoke.isPending}
      danger
      onConfirm={() =>
        invite &&
        revoke.mutate(invite.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: `The invite to ${invite.email} was revoked.` });
            close();
          },
        })
      }
      onClose={close}
    />
  );
}
