import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { Policy, UpdatePolicy } from './types';

const key = (tenancyId: string) => ['tenancies', tenancyId, 'policy'];

export function usePolicy(tenancyId: string) {
  return useQuery({
    queryKey: key(tenancyId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/tenancies/{tenancyId}/policy', { params: { path: { tenancyId } } })),
  });
}

export function useUpdatePolicy(tenancyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: UpdatePolicy) =>
      unwrap(
        await api.PATCH('/api/v1/tenancies/{tenancyId}/policy', { params: { path: { tenancyId } }, body: change }),
      ),
    onSuccess: (policy: Policy) => queryClient.setQueryData(key(tenancyId), policy),
  });
}

/** What the preview renders: the appendix as drafted (null: off) and the drafted expiry. */
export interface PreviewDraft {
  appendix: string | null;
  inviteExpiryDays: number;
}

/**
 * The invite email as the notification service renders it for this draft (sends nothing). The last
 * preview stays on screen while the next one is fetched, so the frame does not flicker as the admin types.
 */
export function useInviteEmailPreview(tenancyId: string, draft: PreviewDraft) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'policy-preview', draft],
    queryFn: async () =>
      unwrap(
        await api.POST('/api/v1/tenancies/{tenancyId}/policy/preview', {
          params: { path: { tenancyId } },
          body: draft,
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
