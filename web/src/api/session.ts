import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from './api-error';
import { api, setCsrfToken } from './client';
import type { BrowserSession } from './types';

export const SESSION_KEY = ['session'] as const;

/** The current browser session, or null when signed out. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<BrowserSession | null> => {
      const result = await api.GET('/api/v1/auth/session');
      if (result.response.status === 401) {
        setCsrfToken(null);
        return null;
      }
      const session = unwrap(result);
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: Infinity,
    retry: (count, error) => !(error instanceof ApiError) && count < 2,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      unwrap(await api.POST('/api/v1/auth/session', { body })),
    onSuccess: (session) => {
      queryClient.clear();
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await api.DELETE('/api/v1/auth/session');
      // Already ended (401) is as good as ended now.
      if (result.response.status !== 401) unwrap(result);
    },
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
