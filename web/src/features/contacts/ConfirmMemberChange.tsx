import { notifications } from '@mantine/notifications';
import { useRemoveMember, useUpdateMember } from '../../api/members';
import type { Membership, UpdateMember } from '../../api/types';
import { useHubContext } from '../../app/HubFrame';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

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
    <ConfirmDialog
      opened={change !== null}
      title={change?.title ?? ''}
      explanation={change?.explanation ?? ''}
      confirmLabel={change?.confirm ?? ''}
      refusalTitle="Not changed"
      error={update.error ?? remove.error}
      pending={update.isPending || remove.isPending}
      danger={change?.danger}
      onConfirm={confirm}
      onClose={close}
    />
  );
}
