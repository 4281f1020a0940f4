import { MembershipView } from '@gatehouse/contracts';

export interface MemberChange {
  action: string;
  details: Record<string, unknown>;
}

/** One audit action per field that changed. */
export function describeMemberChanges(before: MembershipView, after: MembershipView): MemberChange[] {
  const changes: MemberChange[] = [];
  if (before.userType !== after.userType) {
    changes.push({ action: 'member.user_type_changed', details: { from: before.userType, to: after.userType } });
  }
  if (before.isHubAdmin !== after.isHubAdmin) {
    changes.push({ action: after.isHubAdmin ? 'member.hub_admin_set' : 'member.hub_admin_unset', details: {} });
  }
  if (before.canInvite !== after.canInvite) {
    changes.push({ action: 'member.invite_permission_changed', details: { canInvite: after.canInvite } });
  }
  return changes;
}
