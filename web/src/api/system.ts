import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';

/** How often the Health page asks again. */
export const HEALTH_REFRESH_MS = 5000;

/** GET /api/v1/system/health (operators), asked again every few seconds; a refusal is not retried. */
export function useSystemHealth() {
  return useQuery({
    queryKey: ['system', 'health'],
    queryFn: async () => unwrap(await api.GET('/api/v1/system/health')),
    refetchInterval: (query) => (query.state.error ? false : HEALTH_REFRESH_MS),
    retry: false,
  });
}
