import { Alert, Badge, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { HEALTH_REFRESH_MS, useSystemHealth } from '../../../api/system';
import type { QueueHealth, SystemHealth } from '../../../api/types';
import { formatDateTime, formatNumber, formatWait } from '../../../ui/format';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { QueueTable, deadLetterQueuesWithMessages } from './QueueTable';

const STATUS_BADGE: Record<SystemHealth['status'], { color: string; label: string }> = {
  ok: { color: 'teal.9', label: 'All systems working' },
  degraded: { color: 'yellow.4', label: 'Degraded' },
  down: { color: 'red.9', label: 'Down' },
};

/** Alert titles in the text colour: Mantine's yellow and orange titles are too pale to read (axe contrast). */
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

/** Up / Down (or Reachable / Unreachable) as a coloured badge with the word in it (never colour alone). */
export function UpBadge({
  up,
  upLabel = 'Up',
  downLabel = 'Down',
}: {
  up: boolean;
  upLabel?: string;
  downLabel?: string;
}) {
  return (
    <Badge color={up ? 'teal.9' : 'red.9'} variant="filled">
      {up ? upLabel : downLabel}
    </Badge>
  );
}

/**
 * /console/health (operators): every process, PostgreSQL, RabbitMQ, every queue with its depth, the outbox
 * backlog and the emails waiting, from GET /api/v1/system/health, asked again every few seconds.
 */
export function HealthPage() {
  const health = useSystemHealth();
  return (
    <Stack gap="lg">
      <Title order={1}>System health</Title>
      {health.isPending && <LoadingBlock rows={10} label="Loading the system health" />}
      {health.isError && (
        <ErrorState error={health.error} title="Health is for operators" onRetry={() => void health.refetch()} />
      )}
      {health.data && <HealthReport health={health.data} />}
    </Stack>
  );
}

function HealthReport({ health }: { health: SystemHealth }) {
  const badge = STATUS_BADGE[health.status];
  const deadLetters = deadLetterQueuesWithMessages(health.queues);
  return (
    <Stack gap="lg">
      <Group gap="sm" aria-live="polite">
        <Badge size="xl" color={badge.color} variant="filled" autoContrast aria-label={`Overall: ${badge.label}`}>
          {badge.label}
        </Badge>
        <Text size="sm" c="dimmed">
          Checked {formatDateTime(health.checkedAt)}; refreshes every {formatWait(HEALTH_REFRESH_MS / 1000)}.
        </Text>
      </Group>
      {health.problems.length > 0 && (
        <Alert
          color={health.status === 'down' ? 'red' : 'yellow'}
          title="What needs attention"
          styles={READABLE_TITLE}
          icon={<IconAlertTriangle aria-hidden />}
        >
          <List size="sm">
            {health.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {deadLetters.length > 0 && <DeadLetterAdvice queues={deadLetters} />}

      <section aria-labelledby="health-processes">
        <Title order={2} size="h3" id="health-processes" mb="xs">
          Processes
        </Title>
        <Table striped withTableBorder aria-label="Processes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Process</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Up since</Table.Th>
              <Table.Th scope="col">Replica</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {health.processes.map((process) => (
              <Table.Tr key={process.name}>
                <Table.Th scope="row">{process.name}</Table.Th>
                <Table.Td>
                  <UpBadge up={process.up} />
                </Table.Td>
                <Table.Td>{process.version ?? '—'}</Table.Td>
                <Table.Td>
                  {process.startedAt
                    ? `${formatDateTime(process.startedAt)} (${formatWait(process.uptimeSeconds ?? 0)})`
                    : '—'}
                </Table.Td>
                <Table.Td>{process.replicaId ?? '—'}</Table.Td>
                <Table.Td>{process.error ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="health-postgres">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="health-postgres">
              PostgreSQL
            </Title>
            <UpBadge up={health.postgres.reachable} upLabel="Reachable" downLabel="Unreachable" />
          </Group>
          <Text size="sm">Version {health.postgres.version ?? '—'}</Text>
          <Text size="sm">
            Connections {health.postgres.connections === null ? '—' : formatNumber(health.postgres.connections)} of{' '}
            {health.postgres.maxConnections === null ? '—' : formatNumber(health.postgres.maxConnections)}
          </Text>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="health-rabbitmq">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h4" id="health-rabbitmq">
              RabbitMQ
            </Title>
            <UpBadge up={health.rabbitmq.reachable} upLabel="Reachable" downLabel="Unreachable" />
          </Group>
          <Text size="sm">
            {formatNumber(health.queues.filter((q) => q.present).length)} of {formatNumber(health.queues.length)} queues
            present
          </Text>
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <section aria-labelledby="health-outbox">
          <Title order={2} size="h3" id="health-outbox" mb="xs">
            Outbox backlog
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Service</Table.Th>
                <Table.Th scope="col">Unsent events</Table.Th>
                <Table.Th scope="col">Oldest unsent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {health.outbox.map((outbox) => (
                <Table.Tr key={outbox.service}>
                  <Table.Th scope="row">{outbox.service}</Table.Th>
                  <Table.Td>{outbox.unsent === null ? 'unknown' : formatNumber(outbox.unsent)}</Table.Td>
                  <Table.Td>{formatDateTime(outbox.oldestUnsentAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
        <section aria-labelledby="health-deliveries">
          <Title order={2} size="h3" id="health-deliveries" mb="xs">
            Emails waiting
          </Title>
          {health.deliveries.known ? (
            <SimpleGrid cols={3} component="dl" m={0}>
              <Figure label="Queued" value={formatNumber(health.deliveries.queued)} />
              <Figure label="Retrying" value={formatNumber(health.deliveries.retrying)} />
              <Figure label="Oldest waiting since" value={formatDateTime(health.deliveries.oldestWaitingSince)} />
            </SimpleGrid>
          ) : (
            <Text size="sm">Unknown: the notification service did not answer.</Text>
          )}
        </section>
      </SimpleGrid>

      <section aria-labelledby="health-queues">
        <Title order={2} size="h3" id="health-queues" mb="xs">
          Queues
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Every queue the services declare: ready messages (not counting those being handled) and consumers.
        </Text>
        <QueueTable queues={health.queues} />
      </section>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="xs" radius="sm">
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** What to do about dead letters: docs/operations.md's runbook, with the commands for these queues. */
function DeadLetterAdvice({ queues }: { queues: QueueHealth[] }) {
  return (
    <Alert
      color="orange"
      title="Messages in dead-letter queues"
      styles={READABLE_TITLE}
      icon={<IconAlertTriangle aria-hidden />}
    >
      <Stack gap="xs">
        <Text size="sm">
          A handler gave up on these messages. Look at each one, fix the cause, then replay events (requests are never
          replayed) or discard them — see &ldquo;Dead-letter queues&rdquo; in docs/operations.md:
        </Text>
        <List size="sm">
          {queues.map((queue) => (
            <List.Item key={queue.name}>
              {queue.name}: {formatNumber(queue.ready)} — <Code>npm run dlq -- list {queue.workQueue}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Alert>
  );
}
