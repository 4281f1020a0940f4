import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';

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
