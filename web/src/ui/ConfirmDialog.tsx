import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { errorMessage } from '../api/api-error';

/**
 * Asks before doing something that cannot simply be undone. The question names who or what it
 * concerns; a refusal from the API stays in the dialog, in words.
 */
export function ConfirmDialog({
  opened,
  title,
  explanation,
  confirmLabel,
  refusalTitle,
  error,
  pending,
  danger = false,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  explanation: string;
  confirmLabel: string;
  refusalTitle: string;
  error: unknown;
  pending: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack>
        <Text size="sm">{explanation}</Text>
        {error ? (
          <Alert color="red" variant="light" role="alert" title={refusalTitle}>
            {errorMessage(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
