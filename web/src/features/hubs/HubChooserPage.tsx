import { Anchor, AppShell, Card, Container, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link, Navigate, useLocation } from 'react-router';
import { lastHub, useMyHubs } from '../../api/hubs';
import { TopBar } from '../../app/TopBar';
import { formatDate } from '../../ui/format';
import { USER_TYPE_LABEL } from '../../ui/labels';
import { EmptyState, ErrorState, LoadingBlock } from '../../ui/states';

/** Choose a Hub. Right after sign-in it opens the last Hub used, or the only one. */
export function HubChooserPage() {
  const hubs = useMyHubs();
  const location = useLocation();
  const afterSignIn = (location.state as { afterSignIn?: boolean } | null)?.afterSignIn === true;

  if (afterSignIn && hubs.data) {
    const items = hubs.data.items;
    const remembered = items.find((hub) => hub.id === lastHub.get());
    const target = remembered ?? (items.length === 1 ? items[0] : undefined);
    if (target) return <Navigate to={`/hubs/${target.id}/contacts`} replace />;
  }

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <TopBar />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md">
          <Stack>
            <Title order={1} size="h2">
              Choose a Hub
            </Title>
            {hubs.isPending && <LoadingBlock rows={4} label="Loading your Hubs" />}
            {hubs.isError && <ErrorState error={hubs.error} onRetry={() => void hubs.refetch()} />}
            {hubs.data && hubs.data.items.length === 0 && (
              <EmptyState>You are not a member of any Hub yet. Ask a Hub admin to invite you.</EmptyState>
            )}
            {hubs.data && hubs.data.items.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0 }}>
                {hubs.data.items.map((hub) => (
                  <Card withBorder padding="md" component="li" key={hub.id}>
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Anchor component={Link} to={`/hubs/${hub.id}/contacts`} fw={600} size="lg">
                          {hub.name}
                        </Anchor>
                        <Text size="sm" c="dimmed">
                          {hub.membership
                            ? `You are ${hub.membership.isHubAdmin ? 'a Hub admin' : `a ${USER_TYPE_LABEL[hub.membership.userType]}`}`
                            : 'You administer its tenancy'}{' '}
                          · created {formatDate(hub.createdAt)}
                        </Text>
                      </div>
                      <IconChevronRight aria-hidden />
                    </Group>
                  </Card>
                ))}
              </SimpleGrid>
            )}
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
