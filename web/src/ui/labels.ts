import type { ImportJob, ImportOutcome, UserType } from '../api/types';

export const USER_TYPE_LABEL: Record<UserType, string> = {
  TEAM_MEMBER: 'Team Member',
  EXTERNAL_MEMBER: 'External Member',
};

/** The outcomes of a mass invite, in the order the summary lists them. */
export const IMPORT_OUTCOMES: { outcome: ImportOutcome; label: string; color: string }[] = [
  { outcome: 'added', label: 'Added', color: 'teal.6' },
  { outcome: 'invited', label: 'Invited', color: 'blue.6' },
  { outcome: 'already_member', label: 'Already members', color: 'gray.6' },
  { outcome: 'already_invited', label: 'Already invited', color: 'indigo.4' },
  { outcome: 'duplicate_in_file', label: 'Duplicates', color: 'yellow.6' },
  { outcome: 'invalid', label: 'Invalid', color: 'red.6' },
  { outcome: 'skipped', label: 'Skipped', color: 'orange.6' },
];

export const IMPORT_STATUS_LABEL: Record<ImportJob['status'], string> = {
  queued: 'Waiting to start',
  parsing: 'Reading the file',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};
