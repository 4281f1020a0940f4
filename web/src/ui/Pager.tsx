import { Group, Pagination } from '@mantine/core';

/** Names for the pager's arrows (Mantine draws them as icons). */
function controlLabels(control: 'first' | 'previous' | 'last' | 'next') {
  const labels = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };
  return { 'aria-label': labels[control] };
}

/** Server-side paging: nothing when everything fits on one page. */
export function Pager({
  total,
  pageSize,
  page,
  onChange,
}: {
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="center" mt="md">
      <Pagination total={pages} value={page} onChange={onChange} getControlProps={controlLabels} />
    </Group>
  );
}
