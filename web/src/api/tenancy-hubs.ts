import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';

/** Enough for a Hub filter; a tenancy with more Hubs than this is filtered by the first ones' names. */
const HUB_FILTER_LIMIT = 500;

/** Every Hub of a tenancy, for the console's Hub filters (tenant admins and operators see them all). */
export function useTenancyHubOptions(tenancyId: string) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'hub-options'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hubs', { params: { query: { tenancyId, limit: HUB_FILTER_LIMIT } } })),
    select: (page) => page.items.map((hub) => ({ value: hub.id, label: hub.name })),
  });
}
