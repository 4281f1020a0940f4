import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import { isFinished } from './imports';
import type { ImportOutcome, operations } from './types';

export const CONSOLE_IMPORTS_PAGE_SIZE = 20;
export const IMPORT_ROWS_PAGE_SIZE = 25;
/** While a listed job runs, its progress moves: ask again this often. */
const RUNNING_POLL_MS = 1500;
/** Otherwise now and then, so that a file uploaded meanwhile in a Hub shows up. */
const IDLE_POLL_MS = 10_000;

export type TenancyImportsFilter = Pick<
  NonNullable<operations['listTenancyImports']['parameters']['query']>,
  'hubId' | 'status'
>;

/** Every mass invite of a tenancy (console), a page at a time; polled while one of the page runs. */
export function useTenancyImports(tenancyId: string, filter: TenancyImportsFilter, page: number) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'imports', filter, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/invite-imports', {
          params: {
            path: { tenancyId },
            query: {
              ...filter,
              limit: CONSOLE_IMPORTS_PAGE_SIZE,
              offset: (page - 1) * CONSOLE_IMPORTS_PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => !isFinished(job)) ? RUNNING_POLL_MS : IDLE_POLL_MS,
  });
}

/** One page of a job's per-row report, optionally one outcome. */
export function useImportRowPage(jobId: string, outcome: ImportOutcome | undefined, page: number) {
  return useQuery({
    queryKey: ['imports', jobId, 'row-page', outcome ?? 'all', page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/invite-imports/{jobId}/rows', {
          params: {
            path: { jobId },
            query: { outcome, limit: IMPORT_ROWS_PAGE_SIZE, offset: (page - 1) * IMPORT_ROWS_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
