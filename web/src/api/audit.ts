import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { operations } from './types';

export const AUDIT_PAGE_SIZE = 25;

export type AuditFilter = Omit<NonNullable<operations['listAuditEntries']['parameters']['query']>, 'limit' | 'offset'>;

export function useAuditLog(tenancyId: string, filter: AuditFilter, page: number) {
  return useQuery({
    queryKey: ['tenancies', tenancyId, 'audit', filter, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/tenancies/{tenancyId}/audit', {
          params: {
            path: { tenancyId },
            query: { ...filter, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** The filtered log as CSV; a plain link, so the browser downloads it with the session cookie. */
export function auditCsvUrl(tenancyId: string, filter: AuditFilter): string {
  const query = new URLSearchParams(
    Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  ).toString();
  return `/api/v1/tenancies/${encodeURIComponent(tenancyId)}/audit.csv${query ? `?${query}` : ''}`;
}
