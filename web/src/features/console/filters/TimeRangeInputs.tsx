import { TextInput } from '@mantine/core';

/** ISO (as the URL and the API hold it) → the value of a datetime-local input, in the browser's time zone. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function toIso(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** "From" and "to" as two date-and-time fields (the browser's own pickers); the range is [from, to). */
export function TimeRangeInputs({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) {
  return (
    <>
      <TextInput
        type="datetime-local"
        label="From"
        value={toLocalInput(from)}
        onChange={(event) => onChange({ from: toIso(event.currentTarget.value), to: to ?? null })}
      />
      <TextInput
        type="datetime-local"
        label="To"
        value={toLocalInput(to)}
        onChange={(event) => onChange({ from: from ?? null, to: toIso(event.currentTarget.value) })}
      />
    </>
  );
}
