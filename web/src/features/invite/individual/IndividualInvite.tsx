import { Group, Pill, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useSendInvites } from '../../../api/invites';
import type { UserType } from '../../../api/types';
import { useHubContext } from '../../../app/HubFrame';
import { GuardedButton } from '../../../ui/GuardedButton';
import { missingBeforeSending, UserTypeSelect } from '../UserTypeSelect';
import { addressProblem, splitAddresses } from './email-chips';
import { InviteResults, summarise } from './InviteResults';

/** Individual invites: addresses as chips, a user type, one answer per address. */
export function IndividualInvite() {
  const { hub, permissions } = useHubContext();
  const [addresses, setAddresses] = useState<string[]>([]);
  const [userType, setUserType] = useState<UserType | null>(null);
  const send = useSendInvites(hub.id);

  const invalid = addresses.filter((address) => addressProblem(address) !== null);
  const missing = missingBeforeSending([
    { has: addresses.length > 0, what: 'add at least one email address' },
    { has: userType !== null, what: 'choose a user type' },
    { has: invalid.length === 0, what: 'fix or remove the addresses marked “not valid”' },
  ]);

  const changeAddresses = (values: string[]) => {
    const seen = new Set<string>();
    setAddresses(
      values.flatMap(splitAddresses).filter((address) => {
        const key = address.toLowerCase();
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
    );
  };

  const submit = () => {
    if (missing || !userType) return;
    send.mutate(
      { emails: addresses, userType },
      {
        onSuccess: (attempts) => {
          notifications.show({ color: 'teal', message: summarise(attempts) });
          setAddresses(attempts.filter((attempt) => 'refusal' in attempt).map((attempt) => attempt.email));
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <TagsInput
        label="Email addresses"
        description="One, or several separated by commas, spaces or new lines. Press Enter after each."
        placeholder={addresses.length ? '' : 'name@example.com'}
        value={addresses}
        onChange={changeAddresses}
        splitChars={[',', ' ', ';', '\n']}
        acceptValueOnBlur
        clearable
        renderPill={({ value, onRemove }) => {
          const problem = value ? addressProblem(value) : null;
          return (
            <Pill
              withRemoveButton
              onRemove={onRemove}
              removeButtonProps={{ 'aria-label': `Remove ${value ?? ''}` }}
              bg={problem ? 'red.1' : undefined}
              c={problem ? 'red.9' : undefined}
              title={problem ? `Not valid: ${problem}` : undefined}
            >
              {problem && <IconAlertCircle size={12} aria-hidden style={{ marginRight: 4, verticalAlign: -1 }} />}
              {value}
              {problem && ` — not valid: ${problem}`}
            </Pill>
          );
        }}
        error={
          invalid.length > 0
            ? `${invalid.length === 1 ? 'One address is' : `${invalid.length} addresses are`} not valid: fix or remove ${invalid.length === 1 ? 'it' : 'them'}.`
            : undefined
        }
      />
      <UserTypeSelect value={userType} onChange={setUserType} allowTeamMember={permissions.canInviteTeamMembers} />
      <Group gap="md" align="center">
        <GuardedButton missing={missing} hintId="send-invites-missing" loading={send.isPending} onClick={submit}>
          Send invites
        </GuardedButton>
        {missing && (
          <Text id="send-invites-missing" size="sm" c="dimmed">
            {missing}
          </Text>
        )}
      </Group>
      {send.data && <InviteResults attempts={send.data} />}
    </Stack>
  );
}
