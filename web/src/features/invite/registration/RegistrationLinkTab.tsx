import { Alert, Badge, Button, Checkbox, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useRegistrationLink, useUpdateRegistrationLink } from '../../../api/registration-link';
import type { RegistrationLink } from '../../../api/types';
import { useHubContext } from '../../../app/HubFrame';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { RegistrationSettings } from './RegistrationSettings';
import { RotateLink } from './RotateLink';

const STATUS: Record<RegistrationLink['status'], { label: string; color: string }> = {
  open: { label: 'Open: people can join', color: 'teal' },
  disabled: { label: 'Disabled', color: 'gray' },
  expired: { label: 'Expired', color: 'orange' },
  used_up: { label: 'Used up: the maximum number of uses is reached', color: 'orange' },
};

/** The Hub's registration link: Team Members see and copy it; Hub admins also switch it and change its settings. */
export function RegistrationLinkTab() {
  const { hub } = useHubContext();
  const link = useRegistrationLink(hub.id);
  return (
    <Stack gap="lg">
      <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />}>
        For new users only. People who already have an account can&apos;t use this link — invite them instead.
      </Alert>
      {link.isPending && <LoadingBlock rows={4} label="Loading the registration link" />}
      {link.isError && <ErrorState error={link.error} onRetry={() => void link.refetch()} />}
      {link.data && <LinkDetails link={link.data} />}
    </Stack>
  );
}

function LinkDetails({ link }: { link: RegistrationLink }) {
  const { hub } = useHubContext();
  const update = useUpdateRegistrationLink(hub.id);
  const status = STATUS[link.status];
  // The box follows the click at once; the answer confirms it, or a refusal puts it back.
  const [disabledDraft, setDisabledDraft] = useState<boolean | null>(null);
  const toggle = (disabled: boolean) => {
    setDisabledDraft(disabled);
    update.mutate(
      { enabled: !disabled },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: disabled
              ? 'The registration link is disabled.'
              : 'The registration link is enabled: people can join with it.',
          }),
        onSettled: () => setDisabledDraft(null),
      },
    );
  };

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          State:
        </Text>
        <Badge color={status.color} variant="dot">
          {status.label}
        </Badge>
      </Group>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label="Registration link"
          readOnly
          value={link.url ?? ''}
          placeholder={
            link.canManage ? 'Untick Disabled to create the link.' : 'The link appears when a Hub admin enables it.'
          }
          style={{ flex: 1 }}
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={link.url ?? ''}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal' : undefined}
              onClick={() => {
                copy();
                notifications.show({ color: 'teal', message: 'Link copied.' });
              }}
              disabled={!link.url}
            >
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <div>
        <Checkbox
          label="Disabled"
          description={
            link.canManage
              ? 'Registration links are disabled by default — untick to use it.'
              : 'Registration links are disabled by default. Only a Hub admin can turn this one on or off.'
          }
          checked={disabledDraft ?? !link.enabled}
          disabled={!link.canManage || update.isPending}
          onChange={(event) => toggle(event.currentTarget.checked)}
        />
        {update.isError && (
          <Text size="sm" c="red.8" role="alert" mt={4}>
            {errorMessage(update.error)}
          </Text>
        )}
      </div>
      {link.canManage && (
        <>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="registration-settings-title">
            <Title order={3} size="h5" id="registration-settings-title" mb="sm">
              Settings
            </Title>
            <RegistrationSettings link={link} />
          </Paper>
          <RotateLink />
        </>
      )}
    </Stack>
  );
}
