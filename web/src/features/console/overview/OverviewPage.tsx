import { Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { STATS_WINDOWS, StatsWindow, useEmailStats, useInviteStats } from '../../../api/stats';
import { useTenancyHubOptions } from '../../../api/tenancy-hubs';
import { useConsoleTenancies } from '../../../api/tenancies';
import type { EmailTemplateId } from '../../../api/types';
import { ErrorState, LoadingBlock } from '../../../ui/states';
import { useConsoleTenancyId } from '../ConsoleFrame';
import { DailyStats, StatSeries } from './DailyStats';

const INVITE_SERIES: StatSeries<'sent' | 'accepted' | 'expired' | 'failed'>[] = [
  { key: 'sent', label: 'Sent', color: 'blue.6' },
  { key: 'accepted', label: 'Accepted', color: 'teal.6' },
  { key: 'expired', label: 'Expired', color: 'gray.6' },
  { key: 'failed', label: 'Failed', color: 'red.6' },
];

const EMAIL_SERIES: StatSeries<'sent' | 'failed' | 'retrying' | 'queued'>[] = [
  { key: 'sent', label: 'Sent', color: 'teal.6' },
  { key: 'failed', label: 'Failed', color: 'red.6' },
  { key: 'retrying', label: 'Retrying', color: 'orange.6' },
  { key: 'queued', label: 'Queued', color: 'gray.5' },
];

const EMAIL_KINDS: { value: EmailTemplateId; label: string }[] = [
  { value: 'invite', label: 'Invites' },
  { value: 'member-added', label: 'Added to a Hub' },
  { value: 'signup-confirm', label: 'Sign-up confirmations' },
];

const DEFAULT_WINDOW: StatsWindow = 30;

/**
 * /console/tenancies/:tenancyId/overview — the tenancy's landing page: invites and email outcomes per day
 * over 14/30/90 days, optionally one Hub's. The window, Hub and kind live in the URL (?days=&hubId=&kind=).
 */
export function OverviewPage() {
  const tenancyId = useConsoleTenancyId();
  const [params, setParams] = useSearchParams();
  const daysParam = Number(params.get('days'));
  const days: StatsWindow = (STATS_WINDOWS as readonly number[]).includes(daysParam)
    ? (daysParam as StatsWindow)
    : DEFAULT_WINDOW;
  const hubId = params.get('hubId') ?? undefined;
  const kindParam = params.get('kind');
  const kind = EMAIL_KINDS.find((k) => k.value === kindParam)?.value;

  const tenancy = useConsoleTenancies().data?.items.find((t) => t.id === tenancyId);
  const hubs = useTenancyHubOptions(tenancyId);
  const invites = useInviteStats(tenancyId, days, hubId);
  const emails = useEmailStats(tenancyId, days, hubId, kind);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Overview</Title>
        {tenancy && (
          <Text c="dimmed" size="sm">
            {tenancy.name}
          </Text>
        )}
      </div>
      <Group align="flex-end" gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="overview-window">
            Period
          </Text>
          <SegmentedControl
            aria-labelledby="overview-window"
            value={String(days)}
            onChange={(value) => setParam('days', value)}
            data={STATS_WINDOWS.map((window) => ({ value: String(window), label: `Last ${window} days` }))}
          />
        </Stack>
        <Select
          label="Hub"
          w={260}
          placeholder="All Hubs"
          clearable
          searchable
          value={hubId ?? null}
          onChange={(value) => setParam('hubId', value)}
          data={hubs.data ?? []}
          disabled={!hubs.data}
        />
      </Group>

      {invites.isPending && <LoadingBlock rows={6} label="Loading the invites per day" />}
      {invites.isError && <ErrorState error={invites.error} onRetry={() => void invites.refetch()} />}
      {invites.data && (
        <DailyStats
          id="overview-invites"
          title="Invites"
          series={INVITE_SERIES}
          rows={invites.data.series}
          totals={invites.data.totals}
          chart="line"
        />
      )}

      {emails.isPending && <LoadingBlock rows={6} label="Loading the emails per day" />}
      {emails.isError && <ErrorState error={emails.error} onRetry={() => void emails.refetch()} />}
      {emails.data && (
        <DailyStats
          id="overview-emails"
          title="Emails"
          series={EMAIL_SERIES}
          rows={emails.data.series}
          totals={emails.data.totals}
          chart="stacked-bars"
          controls={
            <Select
              label="Kind of email"
              w={260}
              placeholder="All kinds"
              clearable
              value={kind ?? null}
              onChange={(value) => setParam('kind', value)}
              data={EMAIL_KINDS}
            />
          }
        />
      )}
    </Stack>
  );
}
