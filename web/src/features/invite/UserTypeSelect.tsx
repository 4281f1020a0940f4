import { Select } from '@mantine/core';
import type { UserType } from '../../api/types';
import { USER_TYPE_LABEL } from '../../ui/labels';

/** User type, with no default: choosing one is required. Team Member only for those who may invite as one. */
export function UserTypeSelect({
  value,
  onChange,
  allowTeamMember,
  description,
  error,
}: {
  value: UserType | null;
  onChange: (value: UserType | null) => void;
  allowTeamMember: boolean;
  description?: string;
  error?: string;
}) {
  const types: UserType[] = allowTeamMember ? ['TEAM_MEMBER', 'EXTERNAL_MEMBER'] : ['EXTERNAL_MEMBER'];
  return (
    <Select
      label="User type"
      placeholder="Choose a user type"
      description={description}
      data={types.map((type) => ({ value: type, label: USER_TYPE_LABEL[type] }))}
      value={value}
      onChange={(next) => onChange(next as UserType | null)}
      required
      withAsterisk={false}
      error={error}
      w={320}
      allowDeselect={false}
    />
  );
}

/** What is still missing before a send button works, in words; null when nothing is. */
export function missingBeforeSending(parts: { has: boolean; what: string }[]): string | null {
  const missing = parts.filter((part) => !part.has).map((part) => part.what);
  if (missing.length === 0) return null;
  const list =
    missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
  return `To send, ${list}.`;
}
