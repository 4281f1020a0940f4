import { Alert, Anchor, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormDialogActions } from '../../../ui/FormDialogActions';
import { TENANCIES_PAGE_SIZE, useAddTenantAdmin, useCreateTenancy, useTenancyPage } from '../../../api/tenancies';
import type { TenancySummary } from '../../../api/types';
import { useAccount } from '../../../app/auth';
import { formatDate, formatNumber } from '../../../ui/format';
import { Pager } from '../../../ui/Pager';
import { EmptyState, ErrorState, LoadingBlock } from '../../../ui/states';
import { CONSOLE_TENANCY_HOME } from '../ConsoleFrame';

/** Operators: every tenancy of the installation, create one with its first tenant admin, add tenant admins. */
export function TenanciesPage() {
  const account = useAccount();
  if (!account.isOperator) {
    return (
      <Alert color="red" variant="light" role="alert" title="Tenancies are for platform operators">
        Only a platform operator lists and creates tenancies. Your own tenancies are in the Tenancy menu.
      </Alert>
    );
  }
  return <TenancyList />;
}

function TenancyList() {
  const [page, setPage] = useState(1);
  const tenancies = useTenancyPage(page);
  const [creating, setCreating] = useState(false);
  const [addingTo, setAddingTo] = useState<TenancySummary | null>(null);

  return (
    <>
      <Group justify="space-between" mb="md" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Tenancies
          </Title>
          <Text c="dimmed" size="sm">
            Every organisation on this installation, with its tenant admins and Hubs.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create tenancy
        </Button>
      </Group>
      {tenancies.isPending && <LoadingBlock rows={6} label="Loading tenancies" />}
      {tenancies.isError && <ErrorState error={tenancies.error} onRetry={() => void tenancies.refetch()} />}
      {tenancies.data && tenancies.data.items.length === 0 && (
        <EmptyState>There are no tenancies yet. Create one with its first tenant admin.</EmptyState>
      )}
      {tenancies.data && tenancies.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label="Tenancies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Slug</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Tenant admins
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    Hubs
                  </Table.Th>
                  <Table.Th scope="col">Created</Table.Th>
                  <Table.Th scope="col">Actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tenancies.data.items.map((tenancy) => (
                  <Table.Tr key={tenancy.id}>
                    <Table.Td fw={500}>
                      <Anchor component={Link} to={`/console/tenancies/${tenancy.id}/${CONSOLE_TENANCY_HOME}`}>
                        {tenancy.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{tenancy.slug}</Table.Td>
                    <Table.Td ta="right">{formatNumber(tenancy.adminCount)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(tenancy.hubCount)}</Table.Td>
                    <Table.Td>{formatDate(tenancy.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconUserPlus size={14} aria-hidden />}
                        onClick={() => setAddingTo(tenancy)}
                        aria-label={`Add tenant admin to ${tenancy.name}`}
                      >
                        Add tenant admin
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={tenancies.data.total} pageSize={TENANCIES_PAGE_SIZE} page={page} onChange={setPage} />
        </>
      )}
      <CreateTenancyDialog opened={creating} onClose={() => setCreating(false)} />
      {addingTo && <AddTenantAdminDialog tenancy={addingTo} onClose={() => setAddingTo(null)} />}
    </>
  );
}

/** "Acme Ltd" → "acme-ltd": a suggestion the operator may change. */
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

function CreateTenancyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateTenancy();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [email, setEmail] = useState('');
  const close = () => {
    create.reset();
    setName('');
    setSlug('');
    setSlugEdited(false);
    setEmail('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), slug, firstAdminEmail: email.trim() }, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title="Create a tenancy">
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              if (!slugEdited) setSlug(slugOf(event.currentTarget.value));
            }}
          />
          <TextInput
            label="Slug"
            description="Lower-case letters, digits and hyphens; unique on this installation."
            required
            value={slug}
            onChange={(event) => {
              setSlug(event.currentTarget.value);
              setSlugEdited(true);
            }}
          />
          <TextInput
            label="First tenant admin's email"
            description="The person must already have a Gatehouse account."
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <FormDialogActions
            error={create.error}
            pending={create.isPending}
            submitLabel="Create tenancy"
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function AddTenantAdminDialog({ tenancy, onClose }: { tenancy: TenancySummary; onClose: () => void }) {
  const add = useAddTenantAdmin(tenancy.id);
  const [email, setEmail] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(email.trim(), { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={`Add a tenant admin to ${tenancy.name}`}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Email"
            description="The person must already have a Gatehouse account. They can then run this tenancy in the console."
            type="email"
            required
            data-autofocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <FormDialogActions
            error={add.error}
            pending={add.isPending}
            submitLabel="Add tenant admin"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
