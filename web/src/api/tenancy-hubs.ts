import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';

export const TENANCY_HUBS_PAGE_SIZE = 20;

/** The console's Hubs page: every Hub of the tenancy with its counts, paged on the server. */
export function useTenancyHubs(tenancyId: string, page: number) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'hubs', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/hubs', {
          params: {
            path: { tenancyId },
            query: { limit: TENANCY_HUBS_PAGE_SIZE, offset: (page - 1) * TENANCY_HUBS_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateHub(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => unwrap(await api.POST('/api/v1/hubs', { body: { tenancyId, name } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tenancies'] }),
        queryClient.invalidateQueries({ queryKey: ['hubs'] }),
      ]),
  });
}

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
