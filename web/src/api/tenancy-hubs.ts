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
