import { Alert, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../../api/api-error';
import { useSendInvites } from '../../../api/invites';
import type { UserType } from '../../../api/types';
import { useHubContext } from '../../../app/HubFrame';
import { GuardedButton } from '../../../ui/GuardedButton';
import { missingBeforeSending } from '../../../ui/missing';
import { UserTypeSelect } from '../UserTypeSelect';
import { AddressChipsInput } from './AddressChipsInput';
import { addressProblem } from './email-chips';
import { InviteResults } from './InviteResults';
import { summarise } from './invite-results';

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

  const submit = () => {
    if (missing || !userType) return;
    send.mutate(
      { emails: addresses, userType },
      {
        onSuccess: (attempts) => {
          notifications.show({ color: 'teal', message: summarise(attempts) });
          // Refused addresses stay in the field to be fixed; the rest are done.
          setAddresses(attempts.filter((attempt) => attempt.result === null).map((attempt) => attempt.input));
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <AddressChipsInput value={addresses} onChange={setAddresses} />
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
      {send.isError && (
        <Alert color="red" variant="light" role="alert" title="Nothing was sent">
          {errorMessage(send.error)}
        </Alert>
      )}
      {send.data && <InviteResults attempts={send.data} />}
    </Stack>
  );
}
