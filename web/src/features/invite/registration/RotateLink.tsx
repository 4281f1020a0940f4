import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { errorMessage } from '../../../api/api-error';
import { useRotateRegistrationLink } from '../../../api/registration-link';
import { useHubContext } from '../../../app/HubFrame';

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
      <Modal opened={opened} onClose={dismiss} title="Rotate the registration link?" centered>
        <Stack>
          <Text size="sm">
            The current link stops working at once. Anyone who has it will need the new one. People who already joined
            stay in the Hub.
          </Text>
          {rotate.isError && (
            <Alert color="red" variant="light" role="alert" title="Not rotated">
              {errorMessage(rotate.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={rotate.isPending}
              onClick={() =>
                rotate.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: 'A new link was made. The old one no longer works.' });
                    dismiss();
                  },
                })
              }
            >
              Rotate now
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
