import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useRotateRegistrationLink } from '../../../api/registration-link';
import { useHubContext } from '../../../app/HubFrame';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';

/** A new link; asks first, because the current one stops working at once. */
export function RotateLink() {
  const { hub } = useHubContext();
  const rotate = useRotateRegistrationLink(hub.id);
  const [opened, { open, close }] = useDisclosure(false);
  const dismiss = () => {
    rotate.reset();
    close();
  };
  return (
    <>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={open}>
          Rotate link
        </Button>
        <Text size="sm" c="dimmed">
          Makes a new link. The current link stops working at once.
        </Text>
      </Group>
      <ConfirmDialog
        opened={opened}
        title="Rotate the registration link?"
        explanation="The current link stops working at once. Anyone who has it will need the new one. People who already joined stay in the Hub."
        confirmLabel="Rotate now"
        refusalTitle="Not rotated"
        error={rotate.error}
        pending={rotate.isPending}
        danger
        onConfirm={() =>
          rotate.mutate(undefined, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'A new link was made. The old one no longer works.' });
              dismiss();
            },
          })
        }
        onClose={dismiss}
      />
    </>
  );
}
