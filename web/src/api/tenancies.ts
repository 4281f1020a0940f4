import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { CreateTenancy } from './types';

/** Enough for the console's tenancy switcher; the Tenancies page pages on the server. */
const TENANCY_SWITCHER_LIMIT = 500;

/**
 * The tenancies the person may run from the console: every one for an operator, their own for a tenant
 * admin, none for anyone else (the API decides: GET /tenancies lists only what the caller administers).
 */
export function useConsoleTenancies() {
  return useQuery({
    queryKey: ['tenancies', 'switcher'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenancies', { params: { query: { limit: TENANCY_SWITCHER_LIMIT } } })),
  });
}

export const TENANCIES_PAGE_SIZE = 20;

/** The Tenancies page (operators): one page of tenancies with their numbers of tenant admins and Hubs. */
export function useTenancyPage(page: number) {
  return useQuery({
    queryKey: ['tenancies', 'page', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies', {
          params: { query: { limit: TENANCIES_PAGE_SIZE, offset: (page - 1) * TENANCIES_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCreateTenancy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateTenancy) => unwrap(await api.POST('/api/v1/tenancies', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenancies'] }),
  });
}

export function useAddTenantAdmin(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (email: string) =>
      unwrap(
        await api.POST('/api/v1/tenancies/{tenancyId}/admins', { params: { path: { tenancyId } }, body: { email } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenancies'] }),
  });
}
