import { Group, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useHubContext } from '../../app/HubFrame';
import { MembersTable } from './MembersTable';
import { PendingInvitesTable } from './PendingInvitesTable';

type ContactsTab = 'members' | 'pending';

/** Contacts: the Hub's members and, for those who may see them, its pending invites. */
export function ContactsPage({ tab }: { tab: ContactsTab }) {
  const { hub, permissions } = useHubContext();
  const navigate = useNavigate();
  const base = `/hubs/${hub.id}/contacts`;
  const current: ContactsTab = permissions.seesPendingInvites ? tab : 'members';
  return (
    <>
      <Group justify="space-between" mb="md" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Contacts
          </Title>
          <Text c="dimmed" size="sm">
            {!hub.membership
              ? `People in ${hub.name}. You see this Hub from the console; you are not a member.`
              : permissions.seesPendingInvites
                ? `People in ${hub.name}`
                : `The Team Members of ${hub.name}`}
          </Text>
        </div>
      </Group>
      <Tabs
        value={current}
        onChange={(value) => void navigate(value === 'pending' ? `${base}/pending` : base)}
        keepMounted={false}
      >
        {/* External Members have one tab only: no tab bar then. */}
        {permissions.seesPendingInvites && (
          <Tabs.List mb="md">
            <Tabs.Tab value="members">Members</Tabs.Tab>
            <Tabs.Tab value="pending">Pending invites</Tabs.Tab>
          </Tabs.List>
        )}
        <Tabs.Panel value="members">
          <MembersTable />
        </Tabs.Panel>
        {permissions.seesPendingInvites && (
          <Tabs.Panel value="pending">
            <PendingInvitesTable />
          </Tabs.Panel>
        )}
      </Tabs>
    </>
  );
}
