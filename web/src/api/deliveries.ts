import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { operations } from './types';

export const DELIVERIES_PAGE_SIZE = 25;
/** Emails move on their own (sending, retrying): the log refreshes while it is on screen. */
const DELIVERY_POLL_MS = 3000;

export type DeliveriesFilter = Omit<
  NonNullable<operations['listDeliveries']['parameters']['query']>,
  'limit' | 'offset'
>;

export function useDeliveries(tenancyId: string, filter: DeliveriesFilter, page: number) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'deliveries', filter, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/deliveries', {
          params: {
            path: { tenancyId },
            query: { ...filter, limit: DELIVERIES_PAGE_SIZE, offset: (page - 1) * DELIVERIES_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: DELIVERY_POLL_MS,
  });
}

/** One failed email back in the queue (attempts reset). */
export function useRetryDelivery(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST('/api/v1/tenancies/{tenancyId}/deliveries/{deliveryId}/retry', {
          params: { path: { tenancyId, deliveryId } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenancies', tenancyId, 'deliveries'] }),
  });
}

/** Every failed email of one mass invite back in the queue; answers how many went (and how many had expired). */
export function useRetryFailedOfImport(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (importId: string) =>
      unwrap(
        await api.POST('/api/v1/tenancies/{tenancyId}/deliveries/retry-failed', {
          params: { path: { tenancyId } },
          body: { importId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenancies', tenancyId, 'deliveries'] }),
  });
}
