import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { ImportJob, ImportOutcome, UserType } from './types';

export const IMPORTS_PAGE_SIZE = 10;
/** How often a running job is asked for its progress. */
const POLL_MS = 1500;
const HISTORY_POLL_MS = 5000;

export const isFinished = (job: ImportJob): boolean => job.status === 'done' || job.status === 'failed';

/** Uploads the CSV; `dryRun` classifies every row and renders the email without changing or sending anything. */
export function useCreateImport(hubId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, userType, dryRun }: { file: File; userType: UserType; dryRun: boolean }) =>
      unwrap(
        await api.POST('/api/v1/hubs/{hubId}/invite-imports', {
          params: { path: { hubId } },
          // The generated form type calls the file a string (binary); the serializer below adds the File.
          body: { userType, dryRun, file: file.name },
          bodySerializer: (fields) => {
            const form = new FormData();
            form.set('userType', fields.userType);
            form.set('dryRun', String(fields.dryRun ?? false));
            form.set('file', file, file.name);
            return form;
          },
        }),
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', job.id], job);
      return queryClient.invalidateQueries({ queryKey: ['hubs', hubId, 'imports'] });
    },
  });
}

/** One job; asked again every POLL_MS while it runs. */
export function useImportJob(jobId: string | undefined) {
  return useQuery({
    queryKey: ['imports', jobId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/invite-imports/{jobId}', { params: { path: { jobId: jobId ?? '' } } })),
    enabled: jobId !== undefined,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
}

export function useImportRows(jobId: string | undefined, outcome: ImportOutcome, limit: number) {
  return useQuery({
    queryKey: ['imports', jobId, 'rows', outcome, limit],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/invite-imports/{jobId}/rows', {
          params: { path: { jobId: jobId ?? '' }, query: { outcome, limit } },
        }),
      ),
    enabled: jobId !== undefined,
  });
}

export function useHubImports(hubId: string, page: number) {
  return useQuery({
    queryKey: ['hubs', hubId, 'imports', { page }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/hubs/{hubId}/invite-imports', {
          params: { path: { hubId }, query: { limit: IMPORTS_PAGE_SIZE, offset: (page - 1) * IMPORTS_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
    // While one of them runs, its counts move: ask again now and then.
    refetchInterval: (query) => (query.state.data?.items.some((job) => !isFinished(job)) ? HISTORY_POLL_MS : false),
  });
}

/** The per-row report; a plain link, so the browser downloads it with the session cookie. */
export const reportCsvUrl = (jobId: string): string => `/api/v1/invite-imports/${encodeURIComponent(jobId)}/report.csv`;
