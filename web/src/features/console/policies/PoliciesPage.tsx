import {
  Alert,
  Box,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error';
import { usePolicy, useUpdatePolicy } from '../../../api/policy';
import type { Policy } from '../../../api/types';
import { formatDateTime, formatNumber } from '../../../ui/format';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { InviteEmailPreview } from './InviteEmailPreview';

/** The hub's limit on the appendix (POLICY.APPENDIX_TOO_LONG): shown as a counter, enforced by the API. */
const APPENDIX_LIMIT = 2000;
const MIN_EXPIRY_DAYS = 1;
const MAX_EXPIRY_DAYS = 90;

/** Policies: the invite message appendix and the invite expiry, beside a live preview of the invite email. */
export function PoliciesPage() {
  const tenancyId = useConsoleTenancyId();
  const policy = usePolicy(tenancyId);
  return (
    <>
      <Title order={1} size="h2">
        Policies
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        What every invite email of this tenancy says and how long its link works.
      </Text>
      {policy.isPending && <LoadingBlock rows={6} label="Loading the policy" />}
      {policy.isError && <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />}
      {policy.data && <PolicyEditor key={tenancyId} tenancyId={tenancyId} policy={policy.data} />}
    </>
  );
}

function PolicyEditor({ tenancyId, policy }: { tenancyId: string; policy: Policy }) {
  const update = useUpdatePolicy(tenancyId);
  const [enabled, setEnabled] = useState(policy.inviteMessageAppendixEnabled);
  const [text, setText] = useState(policy.inviteMessageAppendixText ?? '');
  const [expiry, setExpiry] = useState<number | string>(policy.inviteExpiryDays);
  const expiryValid =
    typeof expiry === 'number' && Number.isInteger(expiry) && expiry >= MIN_EXPIRY_DAYS && expiry <= MAX_EXPIRY_DAYS;
  const length = [...text.trim()].length;

  const draft = {
    appendix: enabled ? text : null,
    inviteExpiryDays: expiryValid ? expiry : policy.inviteExpiryDays,
  };
  const [debouncedDraft] = useDebouncedValue(draft, 300);
  const changed =
    enabled !== policy.inviteMessageAppendixEnabled ||
    text.trim() !== (policy.inviteMessageAppendixText ?? '') ||
    expiry !== policy.inviteExpiryDays;

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!expiryValid) return;
    update.mutate({
      inviteMessageAppendixEnabled: enabled,
      inviteMessageAppendixText: text,
      inviteExpiryDays: expiry,
    });
  };

  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder p="md" component="form" onSubmit={save} aria-label="Invite policy">
          <Stack>
            <Switch
              label="Add a message at the bottom of every invite email"
              description="Off by default. Switching it off keeps the text for later."
              checked={enabled}
              onChange={(event) => {
                setEnabled(event.currentTarget.checked);
                update.reset();
              }}
            />
            <Textarea
              label="Invite message appendix"
              description={`Plain text, shown exactly as written (no formatting). ${formatNumber(length)} of ${formatNumber(APPENDIX_LIMIT)} characters.`}
              autosize
              minRows={4}
              maxRows={12}
              value={text}
              disabled={!enabled}
              error={
                enabled && length > APPENDIX_LIMIT
                  ? `That is ${formatNumber(length - APPENDIX_LIMIT)} characters too many.`
                  : undefined
              }
              onChange={(event) => {
                setText(event.currentTarget.value);
                update.reset();
              }}
            />
            <NumberInput
              label="Invite expiry (days)"
              description={`How long an invite link works: ${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS} days. Applies to invites sent from now on.`}
              min={MIN_EXPIRY_DAYS}
              max={MAX_EXPIRY_DAYS}
              allowDecimal={false}
              value={expiry}
              error={
                expiryValid ? undefined : `Enter a whole number of days from ${MIN_EXPIRY_DAYS} to ${MAX_EXPIRY_DAYS}.`
              }
              onChange={(value) => {
                setExpiry(value);
                update.reset();
              }}
              w={200}
            />
            {update.isError && (
              <Alert color="red" variant="light" role="alert" title="Not saved">
                {errorMessage(update.error)}
              </Alert>
            )}
            {update.isSuccess && (
              <Alert
                color="green"
                variant="light"
                icon={<IconCheck aria-hidden />}
                role="status"
                title="Saved"
                // Green text on the light green falls short of AA contrast: the words in the text colour.
                styles={{ title: { color: 'var(--mantine-color-text)' } }}
              >
                Invite emails sent from now on use these settings.
              </Alert>
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                Last changed {formatDateTime(policy.updatedAt)}
              </Text>
              <Group>
                <Button
                  variant="default"
                  disabled={!changed}
                  onClick={() => {
                    setEnabled(policy.inviteMessageAppendixEnabled);
                    setText(policy.inviteMessageAppendixText ?? '');
                    setExpiry(policy.inviteExpiryDays);
                    update.reset();
                  }}
                >
                  Discard changes
                </Button>
                <Button type="submit" disabled={!changed || !expiryValid} loading={update.isPending}>
                  Save
                </Button>
              </Group>
            </Group>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Box>
          <InviteEmailPreview tenancyId={tenancyId} draft={debouncedDraft} />
        </Box>
      </Grid.Col>
    </Grid>
  );
}
