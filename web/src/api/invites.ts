import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, unwrap } from './api-error';
import { api } from './client';
import type { CreateInviteResult, UserType } from './types';

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

/** One address's answer: what the API did, or its refusal in words. */
export type InviteAttempt = { email: string } & ({ result: CreateInviteResult } | { refusal: string });

/** Invites addresses one request at a time, so that each gets its own answer (one refusal stops nothing). */
export function useSendInvites(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ emails, userType }: { emails: string[]; userType: UserType }) => {
      const attempts: InviteAttempt[] = [];
      for (const email of emails) {
        try {
          const result = unwrap(
            await api.POST('/api/v1/hubs/{hubId}/invites', { params: { path: { hubId } }, body: { email, userType } }),
          );
          attempts.push({ email, result });
        } catch (error) {
          attempts.push({ email, refusal: errorMessage(error) });
        }
      }
      return attempts;
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
