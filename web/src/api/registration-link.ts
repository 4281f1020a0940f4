import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { RegistrationLink, UpdateRegistrationLink } from './types';

const key = (hubId: string) => ['hubs', hubId, 'registration-link'];

export function useRegistrationLink(hubId: string) {
  return useQuery({
    queryKey: key(hubId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/hubs/{hubId}/registration-link', { params: { path: { hubId } } })),
  });
}

export function useUpdateRegistrationLink(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: Partial<UpdateRegistrationLink>) =>
      unwrap(
        await api.PATCH('/api/v1/hubs/{hubId}/registration-link', {
          params: { path: { hubId } },
          body: change as UpdateRegistrationLink,
        }),
      ),
    onSuccess: (link: RegistrationLink) => queryClient.setQueryData(key(hubId), link),
  });
}

export function useRotateRegistrationLink(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/hubs/{hubId}/registration-link/rotate', { params: { path: { hubId } } })),
    onSuccess: (link: RegistrationLink) => queryClient.setQueryData(key(hubId), link),
  });
}
