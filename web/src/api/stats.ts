import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { EmailTemplateId } from './types';

/** The windows the Overview offers, in days (today included). */
export const STATS_WINDOWS = [14, 30, 90] as const;
export type StatsWindow = (typeof STATS_WINDOWS)[number];

/** Invites sent / accepted / expired / failed per day of the tenancy (optionally one Hub). */
export function useInviteStats(tenancyId: string, days: number, hubId: string | undefined) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'stats', 'invites', { days, hubId }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/stats/invites', {
          params: { path: { tenancyId }, query: { days, hubId } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Emails per day by outcome (optionally one Hub, one kind). */
export function useEmailStats(
  tenancyId: string,
  days: number,
  hubId: string | undefined,
  kind: EmailTemplateId | undefined,
) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'stats', 'emails', { days, hubId, kind }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/stats/emails', {
          params: { path: { tenancyId }, query: { days, hubId, kind } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
