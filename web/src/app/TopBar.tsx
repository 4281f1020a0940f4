import { Anchor, Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { Link, NavLink, useNavigate } from 'react-router';
import { errorMessage } from '../api/api-error';
import { useMyHubs, type HubPermissions } from '../api/hubs';
import { useSignOut } from '../api/session';
import { useConsoleTenancies } from '../api/tenancies';
import { useAccount } from './auth';

/** The product name, the Hub dropdown, Contacts, Invite, and the person with Sign out. */
export function TopBar({ hub }: { hub?: { id: string; name: string; permissions: HubPermissions } }) {
  const account = useAccount();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <Anchor component={Link} to="/hubs" fw={700} size="lg" c="indigo.8" underline="never">
          Gatehouse
        </Anchor>
        {hub && <HubDropdown hubId={hub.id} hubName={hub.name} />}
        {hub && (
          <Anchor component={NavLink} to={`/hubs/${hub.id}/contacts`} fw={500}>
            Contacts
          </Anchor>
        )}
        {hub?.permissions.canInvite && (
          <Button
            component={Link}
            to={`/hubs/${hub.id}/invite/individual`}
            leftSection={<IconUserPlus size={16} aria-hidden />}
            size="sm"
          >
            Invite
          </Button>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ConsoleLink />
        <Text size="sm" fw={500} truncate maw={220} title={account.email}>
          {account.displayName}
        </Text>
        <SignOutButton />
      </Group>
    </Group>
  );
}

/** The Hubs the person belongs to, searchable; choosing one changes the URL. */
function HubDropdown({ hubId, hubName }: { hubId: string; hubName: string }) {
  const hubs = useMyHubs();
  const navigate = useNavigate();
  const data = (hubs.data?.items ?? []).map((hub) => ({ value: hub.id, label: hub.name }));
  // A tenant admin may open a Hub they are not a member of: keep it in the list.
  if (!data.some((item) => item.value === hubId)) data.unshift({ value: hubId, label: hubName });
  return (
    <Select
      label="Hub"
      data={data}
      value={hubId}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No Hub has that name"
      onChange={(value) => {
        if (value && value !== hubId) void navigate(`/hubs/${value}/contacts`);
      }}
      w={300}
      comboboxProps={{ withinPortal: true }}
      styles={{
        root: { display: 'flex', alignItems: 'center', gap: 8 },
        label: { marginBottom: 0, fontWeight: 500 },
        wrapper: { flex: 1 },
      }}
    />
  );
}

/** The console, for the people it is for: operators and tenant admins (who see their tenancies listed). */
function ConsoleLink() {
  const account = useAccount();
  const tenancies = useConsoleTenancies();
  if (!account.isOperator && !tenancies.data?.items.length) return null;
  return (
    <Anchor component={NavLink} to="/console" fw={500}>
      Console
    </Anchor>
  );
}

function SignOutButton() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Button
      variant="default"
      size="sm"
      loading={signOut.isPending}
      onClick={() =>
        signOut.mutate(undefined, {
          onSuccess: () => void navigate('/', { replace: true }),
          onError: (error) =>
            notifications.show({ color: 'red', title: 'Not signed out', message: errorMessage(error) }),
        })
      }
    >
      Sign out
    </Button>
  );
}
