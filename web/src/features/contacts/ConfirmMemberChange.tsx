import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/api-error';
import { useRemoveMember, useUpdateMember } from '../../api/members';
import type { Membership, UpdateMember } from '../../api/types';
import { useHubContext } from '../../app/HubFrame';

export interface MemberChange {
  /** The menu item. */
  label: string;
  icon: React.ReactNode;
  /** The question, naming the person. */
  title: string;
  explanation: string;
  /** The confirming button. */
  confirm: string;
  /** The notification once done. */
  done: string;
  change: UpdateMember | 'remove';
  danger?: boolean;
}

/** Asks before changing a member; shows the API's refusal (e.g. the last Hub admin) in the dialog. */
export function ConfirmMemberChange({
  member,
  change,
  onClose,
}: {
  member: Membership;
  change: MemberChange | null;
  onClose: () => void;
}) {
  const { hub } = useHubContext();
  const update = useUpdateMember(hub.id);
  const remove = useRemoveMember(hub.id);
  const pending = update.isPending || remove.isPending;
  const error = update.error ?? remove.error;

  const close = () => {
    update.reset();
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!change) return;
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: change.done });
      close();
    };
    if (change.change === 'remove') remove.mutate(member.accountId, { onSuccess });
    else update.mutate({ accountId: member.accountId, change: change.change }, { onSuccess });
  };

  return (
    <Modal opened={change !== null} onClose={close} title={change?.title} centered>
      {change && (
        <Stack>
          <Text size="sm">{change.explanation}</Text>
          {error && (
            <Alert color="red" variant="light" role="alert" title="Not changed">
              {errorMessage(error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color={change.danger ? 'red' : undefined} loading={pending} onClick={confirm}>
              {change.confirm}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
