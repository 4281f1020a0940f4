import { UserType } from '../user-type';

export interface TenancyView {
  id: string;
  name: string;
  slug: string;
  createdAt: string;
}

/** A tenancy as the console's list shows it: with how many tenant admins and Hubs it has. */
export interface TenancySummaryView extends TenancyView {
  adminCount: number;
  hubCount: number;
}

export interface PolicyView {
  tenancyId: string;
  /** What invite emails carry: the text while the appendix is on, null while it is off. */
  inviteMessageAppendix: string | null;
  inviteMessageAppendixEnabled: boolean;
  /** The text the tenant admin wrote, kept while the appendix is off. */
  inviteMessageAppendixText: string | null;
  inviteExpiryDays: number;
  version: number;
  updatedAt: string;
}

export interface HubView {
  id: string;
  tenancyId: string;
  name: string;
  createdBy: string;
  createdAt: string;
}

export interface MembershipView {
  hubId: string;
  accountId: string;
  email: string;
  displayName: string;
  userType: UserType;
  isHubAdmin: boolean;
  canInvite: boolean;
  joinedAt: string;
}

export interface HubWithMembershipView extends HubView {
  membership: MembershipView | null;
}

/** One Hub on the console's Hubs page, as the hub service knows it. */
export interface TenancyHubView extends HubWithMembershipView {
  memberCount: number;
}

export interface AddMembersBulkResult {
  added: string[];
  alreadyMember: string[];
}

export interface PermissionDecision {
  allowed: boolean;
  /** Why not, as an error code and sentence the caller can pass on. */
  denial: { code: string; message: string } | null;
  /** For list actions: whether the actor sees everything or only their own items. */
  scope: 'all' | 'own' | null;
  hub: { id: string; name: string; tenancyId: string } | null;
  membership: MembershipView | null;
  inviteExpiryDays: number | null;
}

export interface AuditEntryView {
  id: string;
  tenancyId: string;
  hubId: string | null;
  actorAccountId: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  correlationId: string | null;
  createdAt: string;
}
