import { Select } from '@mantine/core';
import { useTenancyHubOptions } from '../../../api/tenancy-hubs';

/** "Hub: any / one of the tenancy's Hubs". */
export function HubFilter({
  tenancyId,
  value,
  onChange,
}: {
  tenancyId: string;
  value: string | undefined;
  onChange: (hubId: string | null) => void;
}) {
  const hubs = useTenancyHubOptions(tenancyId);
  return (
    <Select
      label="Hub"
      placeholder="Any Hub"
      data={hubs.data ?? []}
      value={value ?? null}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage="No Hub by that name"
    />
  );
}
