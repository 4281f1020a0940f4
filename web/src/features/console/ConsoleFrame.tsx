import { Alert, AppShell, Container, NavLink as MantineNavLink, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { NavLink, Navigate, Outlet, useNavigate, useParams } from 'react-router';
import { useConsoleTenancies } from '../../api/tenancies';
import { TopBar } from '../../app/TopBar';
import { useAccount } from '../../app/auth';
import { EmptyState, ErrorState, LoadingBlock } from '../../ui/states';
import { CONSOLE_SECTIONS } from './sections';

/** Pages inside the console know which tenancy they show from the URL. */
export function useConsoleTenancyId(): string {
  const { tenancyId = '' } = useParams();
  return tenancyId;
}

/**
 * The console's frame: the top bar, the left navigation (tenancy switcher, the tenancy's sections, the
 * installation's sections for operators) and the page for the URL. Someone who runs no tenancy and is not
 * an operator is told so (the API would refuse every page anyway).
 */
export function ConsoleFrame() {
  const account = useAccount();
  const tenancies = useConsoleTenancies();
  const tenancyId = useConsoleTenancyId();
  const navigate = useNavigate();
  const items = tenancies.data?.items ?? [];
  const runsAnything = account.isOperator || items.length > 0;
  // A tenant admin who follows a link to a tenancy not theirs: said in words before any page asks the API
  // (which refuses too). Operators may open any tenancy, also those beyond the switcher's first page.
  const notTheirs = tenancyId !== '' && !account.isOperator && !items.some((tenancy) => tenancy.id === tenancyId);

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <TopBar />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Console">
        <ScrollArea>
          <Stack gap="xs">
            {items.length > 0 && (
              <Select
                label="Tenancy"
                data={items.map((tenancy) => ({ value: tenancy.id, label: tenancy.name }))}
                value={tenancyId || null}
                placeholder="Choose a tenancy"
                searchable
                allowDeselect={false}
                onChange={(value) => {
                  if (value) void navigate(`/console/tenancies/${value}/${CONSOLE_TENANCY_HOME}`);
                }}
              />
            )}
            {tenancyId &&
              CONSOLE_SECTIONS.filter((section) => section.scope === 'tenancy').map((section) => (
                <MantineNavLink
                  key={section.path}
                  component={NavLink}
                  to={`/console/tenancies/${tenancyId}/${section.path}`}
                  label={section.label}
                  leftSection={section.icon}
                />
              ))}
            {account.isOperator && (
              <>
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md">
                  Installation
                </Text>
                {CONSOLE_SECTIONS.filter((section) => section.scope === 'installation').map((section) => (
                  <MantineNavLink
                    key={section.path}
                    component={NavLink}
                    to={`/console/${section.path}`}
                    label={section.label}
                    leftSection={section.icon}
                  />
                ))}
              </>
            )}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="xl">
          {tenancies.isPending && <LoadingBlock rows={8} label="Loading the console" />}
          {tenancies.isError && <ErrorState error={tenancies.error} onRetry={() => void tenancies.refetch()} />}
          {tenancies.isSuccess && !runsAnything && (
            <EmptyState>
              The console is for tenant admins and operators, and your account runs no tenancy. Ask your
              organisation&apos;s tenant admin if you need access.
            </EmptyState>
          )}
          {tenancies.isSuccess && runsAnything && notTheirs && (
            <Alert color="red" variant="light" role="alert" title="This tenancy is not one you run">
              You are not a tenant admin of the tenancy at this address, or it does not exist. Choose one of your
              tenancies in the Tenancy menu.
            </Alert>
          )}
          {tenancies.isSuccess && runsAnything && !notTheirs && <Outlet />}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** The page a tenancy opens on: its first section in the navigation (Overview, once registered). */
export const CONSOLE_TENANCY_HOME = CONSOLE_SECTIONS.find((section) => section.scope === 'tenancy')?.path ?? 'overview';

/** /console: a tenant admin goes to their tenancy, an operator to the list of tenancies. */
export function ConsoleHome() {
  const account = useAccount();
  const tenancies = useConsoleTenancies();
  const first = tenancies.data?.items[0];
  if (account.isOperator) return <Navigate to="/console/tenancies" replace />;
  if (first) return <Navigate to={`/console/tenancies/${first.id}/${CONSOLE_TENANCY_HOME}`} replace />;
  return null;
}
