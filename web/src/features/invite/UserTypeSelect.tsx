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
