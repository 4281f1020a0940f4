import { Drawer, Tabs, Text } from '@mantine/core';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useHubContext, type HubContext } from '../../app/HubFrame';
import { ContactsPage } from '../contacts/ContactsPage';

type InviteTab = 'individual' | 'mass' | 'registration';

function tabOf(pathname: string): InviteTab {
  const segment = pathname.split('/invite/')[1]?.split('/')[0];
  return segment === 'mass' || segment === 'registration' ? segment : 'individual';
}

/** The invite panel: a wide drawer over Contacts with one tab per way of inviting; each tab has its own URL. */
export function InvitePanel() {
  const context = useHubContext();
  const { hub, permissions } = context;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tab = tabOf(pathname);
  const close = () => {
    // Escape reaches every open Mantine dialog: when a confirmation (e.g. Rotate link) is open over the panel,
    // Escape closes that confirmation only, not the panel under it.
    if (document.querySelectorAll('[role="dialog"]').length > 1) return;
    void navigate(`/hubs/${hub.id}/contacts`);
  };
  // External Members have no invite panel at all, even by its address.
  if (!permissions.canInvite && !permissions.seesRegistrationLink)
    return <Navigate to={`/hubs/${hub.id}/contacts`} replace />;

  return (
    <>
      <ContactsPage tab="members" />
      <Drawer
        opened
        onClose={close}
        position="right"
        size="min(960px, 100vw)"
        title={`Invite people to ${hub.name}`}
        styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 }, inner: { inset: 0 } }}
        closeButtonProps={{ 'aria-label': 'Close the invite panel' }}
        // Inside the page's main region: the panel is part of this screen, not a separate document.
        withinPortal={false}
      >
        <Text size="sm" c="dimmed" mb="md">
          Invites cannot be sent without choosing a user type.
        </Text>
        <Tabs
          value={tab}
          onChange={(value) => value && void navigate(`/hubs/${hub.id}/invite/${value}`)}
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="individual">Individual</Tabs.Tab>
            <Tabs.Tab value="mass">Mass invite</Tabs.Tab>
            {permissions.seesRegistrationLink && <Tabs.Tab value="registration">Registration</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value={tab}>
            <TabBody tab={tab} context={context} />
          </Tabs.Panel>
        </Tabs>
      </Drawer>
    </>
  );
}

function TabBody({ tab, context }: { tab: InviteTab; context: HubContext }) {
  const { permissions } = context;
  if (tab === 'registration' && !permissions.seesRegistrationLink) {
    return <Text>Only Hub admins and Team Members who may invite can see this Hub&apos;s registration link.</Text>;
  }
  if (tab !== 'registration' && !permissions.canInvite) {
    return (
      <Text>
        You cannot invite people to this Hub. Ask a Hub admin to invite them, or to turn your invite permission on.
      </Text>
    );
  }
  return <Outlet context={context} />;
}
