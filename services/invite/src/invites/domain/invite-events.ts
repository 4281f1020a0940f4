import {
  INVITE_EVENTS,
  InviteStateChangedPayload,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  PendingEvent,
} from '@gatehouse/contracts';
import { InviteRow } from './invite-row';

type StateEvent =
  | typeof INVITE_EVENTS.REVOKED
  | typeof INVITE_EVENTS.ACCEPTED
  | typeof INVITE_EVENTS.EXPIRED
  | typeof INVITE_EVENTS.LINK_RENEWED;

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * invite.invite.created / resent: one event per Hub, inviter and user type (the payload's shape), each
 * item naming one invitee and carrying its raw token in the accept URL. `actorAccountId`: who resent
 * them, when that may be someone else than the inviter (a Hub admin resending a Team Member's invite).
 */
export function invitesIssuedEvents(
  name: typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.RESENT,
  issued: { row: InviteRow; acceptUrl: string }[],
  actorAccountId?: string,
): PendingEvent[] {
  return groupBy(issued, ({ row }) => `${row.hub_id}|${row.inviter_account_id}|${row.user_type}`).map((group) => {
    const first = group[0].row;
    const payload: InvitesIssuedPayload = {
      hubId: first.hub_id,
      hubName: first.hub_name,
      tenancyId: first.tenancy_id,
      inviterAccountId: first.inviter_account_id,
      inviterName: first.inviter_name,
      ...(actorAccountId ? { actorAccountId } : {}),
      userType: first.user_type,
      invites: group.map(({ row, acceptUrl }) => ({
        inviteId: row.id,
        email: row.email,
        acceptUrl,
        expiresAt: row.expires_at.toISOString(),
      })),
    };
    return { name, payload };
  });
}

/**
 * invite.invite.revoked / accepted / expired / link-renewed: one event per Hub (and per actor, which for an accept is
 * the new account), for the audit log.
 */
export function inviteStateEvents(
  name: StateEvent,
  rows: InviteRow[],
  actorOf: (row: InviteRow) => string | null,
  reason?: string,
): PendingEvent[] {
  return groupBy(rows, (row) => `${row.hub_id}|${actorOf(row) ?? ''}`).map((group) => {
    const payload: InviteStateChangedPayload = {
      hubId: group[0].hub_id,
      tenancyId: group[0].tenancy_id,
      actorAccountId: actorOf(group[0]),
      invites: group.map((row) => ({ inviteId: row.id, email: row.email, userType: row.user_type })),
      ...(reason ? { reason } : {}),
    };
    return { name, payload };
  });
}

export function membersAddedNoticeEvent(payload: MembersAddedNoticePayload): PendingEvent {
  return { name: INVITE_EVENTS.MEMBER_ADDED, payload };
}
