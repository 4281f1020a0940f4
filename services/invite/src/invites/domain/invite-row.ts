import { InvitePreview, InviteStatus, InviteView, UserType } from '@gatehouse/contracts';
import { selectList } from '../../database/select-list';

/** One row of invite.invites as the repository reads it (never the token hash). */
export interface InviteRow {
  id: string;
  hub_id: string;
  tenancy_id: string;
  hub_name: string;
  inviter_account_id: string;
  inviter_name: string;
  email: string;
  user_type: UserType;
  status: InviteStatus;
  created_at: Date;
  expires_at: Date;
  last_sent_at: Date;
  send_count: number;
  accepted_at: Date | null;
  accepted_account_id: string | null;
  revoked_at: Date | null;
  /** Pending but past its expiry (by the database clock): reads as expired before the sweep marks it. */
  lapsed: boolean;
}

const PLAIN_COLUMNS = [
  'id',
  'hub_id',
  'tenancy_id',
  'hub_name',
  'inviter_account_id',
  'inviter_name',
  'email',
  'user_type',
  'status',
  'created_at',
  'expires_at',
  'last_sent_at',
  'send_count',
  'accepted_at',
  'accepted_account_id',
  'revoked_at',
];

/** The select list (or RETURNING list) that yields an InviteRow; `alias` qualifies it for UPDATE … FROM. */
export function inviteColumns(alias?: string): string {
  return selectList(PLAIN_COLUMNS, alias, (p) => [`(${p}status = 'pending' AND ${p}expires_at <= now()) AS lapsed`]);
}

export function effectiveStatus(row: InviteRow): InviteStatus {
  return row.lapsed ? 'expired' : row.status;
}

export const toInviteView = (row: InviteRow): InviteView => ({
  id: row.id,
  hubId: row.hub_id,
  tenancyId: row.tenancy_id,
  hubName: row.hub_name,
  email: row.email,
  userType: row.user_type,
  status: effectiveStatus(row),
  inviterAccountId: row.inviter_account_id,
  inviterName: row.inviter_name,
  createdAt: row.created_at.toISOString(),
  expiresAt: row.expires_at.toISOString(),
  lastSentAt: row.last_sent_at.toISOString(),
  sendCount: row.send_count,
  acceptedAt: row.accepted_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export const toInvitePreview = (row: InviteRow): InvitePreview => ({
  status: effectiveStatus(row),
  email: row.email,
  hubName: row.hub_name,
  inviterName: row.inviter_name,
  userType: row.user_type,
  expiresAt: row.expires_at.toISOString(),
});
