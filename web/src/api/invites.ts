import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { InviteAddressResult, UserType } from './types';

export const INVITES_PAGE_SIZE = 25;

export function usePendingInvites(hubId: string, page: number) {
  return useQuery({
    queryKey: ['hubs', hubId, 'invites', { page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/hubs/{hubId}/invites', {
          params: { path: { hubId }, query: { limit: INVITES_PAGE_SIZE, offset: (page - 1) * INVITES_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The batch endpoint takes at most this many addresses per request. */
const BATCH_LIMIT = 100;

/** Invites addresses (in batches of BATCH_LIMIT); each address gets its own answer or refusal, in input order. */
export function useSendInvites(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ emails, userType }: { emails: string[]; userType: UserType }) => {
      const results: InviteAddressResult[] = [];
      for (let start = 0; start < emails.length; start += BATCH_LIMIT) {
        const batch = unwrap(
          await api.POST('/api/v1/hubs/{hubId}/invites/batch', {
            params: { path: { hubId } },
            body: { emails: emails.slice(start, start + BATCH_LIMIT), userType },
          }),
        );
        results.push(...batch.results);
      }
      return results;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['hubs', hubId] }),
  });
}

export function useResendInvite(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (inviteId: string) =>
      unwrap(
        await api.POST('/api/v1/hubs/{hubId}/invites/{inviteId}/resend', { params: { path: { hubId, inviteId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hubs', hubId, 'invites'] }),
  });
}

export function useRevokeInvite(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (inviteId: string) =>
      unwrap(
        await api.POST('/api/v1/hubs/{hubId}/invites/{inviteId}/revoke', { params: { path: { hubId, inviteId } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['hubs', hubId, 'invites'] }),
  });
}
