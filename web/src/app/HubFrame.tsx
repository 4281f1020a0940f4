import { Anchor, AppShell, Container, Skeleton, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { lastHub, permissionsOf, useHub, type HubPermissions } from '../api/hubs';
import type { HubWithMembership } from '../api/types';
import { ErrorState } from '../ui/states';
import { TopBar } from './TopBar';

export interface HubContext {
  hub: HubWithMembership;
  permissions: HubPermissions;
}

/** The frame around a Hub's screens: the top bar, then the screen for the URL. */
export function HubFrame() {
  const { hubId = '' } = useParams();
  const hub = useHub(hubId);
  useEffect(() => {
    if (hub.data?.membership) lastHub.set(hub.data.id);
  }, [hub.data]);

  const permissions = permissionsOf(hub.data);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <TopBar hub={hub.data ? { id: hub.data.id, name: hub.data.name, permissions } : undefined} />
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          {hub.isPending && (
            <Stack>
              <Skeleton height={32} width={240} />
              <Skeleton height={280} />
            </Stack>
          )}
          {hub.isError && (
            <Stack align="flex-start">
              <ErrorState
                error={noSuchHub(hub.error) ? new Error(NO_SUCH_HUB) : hub.error}
                onRetry={() => void hub.refetch()}
                title="This Hub could not be opened"
              />
              <Anchor component={Link} to="/hubs">
                Choose another Hub
              </Anchor>
            </Stack>
          )}
          {hub.data && <Outlet context={{ hub: hub.data, permissions } satisfies HubContext} />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

const NO_SUCH_HUB = 'There is no Hub at this address. Check the link, or choose another Hub.';

/** A mistyped or stale Hub id in the URL: the API's "hubId must be a UUID" says nothing to a person. */
function noSuchHub(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'HUB.NOT_FOUND' || error.code === 'VALIDATION.FAILED');
}

export const useHubContext = () => useOutletContext<HubContext>();
