import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { MembersQuery, UpdateMember } from './types';

export const MEMBERS_PAGE_SIZE = 25;

export function useMembers(hubId: string, page: number, search: string) {
  const query = search.trim();
  const membersQuery: MembersQuery = {
    limit: MEMBERS_PAGE_SIZE,
    offset: (page - 1) * MEMBERS_PAGE_SIZE,
    ...(query ? { search: query } : {}),
  };
  return useQuery({
    queryKey: ['hubs', hubId, 'members', { page, search: query }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/hubs/{hubId}/members', {
          params: {
            path: { hubId },
            query: membersQuery,
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateMember(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ accountId, change }: { accountId: string; change: UpdateMember }) =>
      unwrap(
        await api.PATCH('/api/v1/hubs/{hubId}/members/{accountId}', {
          params: { path: { hubId, accountId } },
          body: change,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hubs', hubId] }),
  });
}

export function useRemoveMember(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (accountId: string) =>
      unwrap(await api.DELETE('/api/v1/hubs/{hubId}/members/{accountId}', { params: { path: { hubId, accountId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hubs', hubId] }),
  });
}
