import { useSearchParams } from 'react-router';

/**
 * A page's filters and page number live in the URL query string (shareable, they survive a reload). Changing
 * a filter goes back to page 1. Empty values are dropped from the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(
    keys.map((key) => [key, params.get(key) || undefined]).filter(([, value]) => value !== undefined),
  ) as Partial<Record<K, string>>;
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);

  const set = (changes: Partial<Record<K, string | null | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes) as [K, string | null | undefined][]) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete('page');
    setParams(next);
  };
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    if (value > 1) next.set('page', String(value));
    else next.delete('page');
    setParams(next);
  };
  const clear = () => setParams(new URLSearchParams());
  return { values, page, set, setPage, clear, active: Object.keys(values).length > 0 };
}
