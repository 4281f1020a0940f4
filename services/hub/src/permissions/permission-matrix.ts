import { ERROR_CODES, HubAction, UserType } from '@gatehouse/contracts';

export interface MemberRights {
  userType: UserType;
  isHubAdmin: boolean;
  canInvite: boolean;
}

export type Decision =
  { allowed: true; scope: 'all' | 'own' | null } | { allowed: false; code: string; message: string };

const allow = (scope: 'all' | 'own' | null = null): Decision => ({ allowed: true, scope });
const deny = (message: string): Decision => ({ allowed: false, code: ERROR_CODES.PERMISSION_DENIED, message });

/**
 * PRODUCT.md's permission matrix for one member of one Hub. A non-member gets HUB.NOT_FOUND: whether a
 * Hub exists is private to its members.
 */
export function decide(member: MemberRights | null, action: HubAction, inviteeType?: UserType): Decision {
  if (!member) return { allowed: false, code: ERROR_CODES.HUB_NOT_FOUND, message: 'No such Hub.' };
  const { isHubAdmin, userType, canInvite } = member;
  const external = userType === 'EXTERNAL_MEMBER';
  switch (action) {
    case 'members.view':
      return allow();
    case 'members.manage':
      return isHubAdmin ? allow() : deny('Only a Hub admin can manage members.');
    case 'invite':
      if (external) return deny('External Members cannot invite people.');
      if (isHubAdmin) return allow();
      if (!canInvite) return deny('A Hub admin has turned off your permission to invite.');
      if (inviteeType && inviteeType !== 'TEAM_MEMBER' && inviteeType !== 'EXTERNAL_MEMBER') {
        return deny('Unknown user type.');
      }
      return allow();
    case 'invites.list':
    case 'invites.manage':
      if (external) return deny('External Members cannot see invites.');
      return allow(isHubAdmin ? 'all' : 'own');
    case 'invites.resend':
      // Resending sends an invite email again: only for those who may invite now.
      if (external) return deny('External Members cannot see invites.');
      if (isHubAdmin) return allow('all');
      return canInvite ? allow('own') : deny('A Hub admin has turned off your permission to invite.');
    case 'registration-link.view':
      if (external) return deny('External Members cannot see the registration link.');
      // Copying the link is a way of inviting: not for a Team Member whose invite permission is off.
      if (!isHubAdmin && !canInvite) return deny('A Hub admin has turned off your permission to invite.');
      return allow();
    case 'registration-link.manage':
      return isHubAdmin ? allow() : deny('Only a Hub admin can change the registration link.');
  }
}
