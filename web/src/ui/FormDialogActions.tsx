import { Button, Group, Text } from '@mantine/core';
import { errorMessage } from '../api/api-error';

/**
 * The end of a form in a dialog: the API's refusal in words (read out when it appears), then Cancel and
 * the submit button, which shows the request under way.
 */
export function FormDialogActions({
  error,
  pending,
  submitLabel,
  onCancel,
}: {
  /** The failed request's error; null while there is none. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error != null && (
        <Text c="red.8" size="sm" role="alert">
          {errorMessage(error)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
