import { UserType } from '../user-type';
import { MembershipView } from './hub.views';

export interface MembersAddedPayload {
  hubId: string;
  tenancyId: string;
  hubName: string;
  userType: UserType;
  addedBy: string | null;
  members: { accountId: string; email: string; displayName: string }[];
  /** Present when the members are to get the "you were added" notice (see AddedNotice). */
  notice?: { addedByName: string; signInUrl: string };
}

export interface MemberRemovedPayload {
  hubId: string;
  tenancyId: string;
  accountId: string;
  removedBy: string;
}

export interface MemberChangedPayload {
  hubId: string;
  tenancyId: string;
  changedBy: string;
  before: MembershipView;
  after: MembershipView;
}

export interface PolicyChangedPayload {
  tenancyId: string;
  inviteMessageAppendix: string | null;
  inviteExpiryDays: number;
  version: number;
  changedBy: string;
  updatedAt: string;
}
