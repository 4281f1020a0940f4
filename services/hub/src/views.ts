import { AuditEntryView, HubView, MembershipView, PolicyView, TenancyView } from '@gatehouse/contracts';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { HubEntity } from './hubs/hub.entity';
import { MembershipEntity } from './membership/membership.entity';
import { TenancyPolicyEntity } from './tenancy/tenancy-policy.entity';
import { TenancyEntity } from './tenancy/tenancy.entity';

/** Entity → contract view conversions: what leaves the hub service is always one of these shapes. */
export const toTenancyView = (t: TenancyEntity): TenancyView => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  createdAt: t.createdAt.toISOString(),
});

export const toPolicyView = (p: TenancyPolicyEntity): PolicyView => ({
  tenancyId: p.tenancyId,
  inviteMessageAppendix: p.inviteMessageAppendixEnabled ? p.inviteMessageAppendix : null,
  inviteMessageAppendixEnabled: p.inviteMessageAppendixEnabled,
  inviteMessageAppendixText: p.inviteMessageAppendix,
  inviteExpiryDays: p.inviteExpiryDays,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

export const toHubView = (h: HubEntity): HubView => ({
  id: h.id,
  tenancyId: h.tenancyId,
  name: h.name,
  createdBy: h.createdBy,
  createdAt: h.createdAt.toISOString(),
});

/** The columns a membership's view shows (an entity, or a row selected under these names). */
export type MembershipViewColumns = Pick<
  MembershipEntity,
  'hubId' | 'accountId' | 'email' | 'displayName' | 'userType' | 'isHubAdmin' | 'canInvite' | 'joinedAt'
>;

export const toMembershipView = (m: MembershipViewColumns): MembershipView => ({
  hubId: m.hubId,
  accountId: m.accountId,
  email: m.email,
  displayName: m.displayName,
  userType: m.userType,
  isHubAdmin: m.isHubAdmin,
  canInvite: m.canInvite,
  joinedAt: m.joinedAt.toISOString(),
});

export const toAuditView = (a: AuditEntryEntity): AuditEntryView => ({
  id: a.id,
  tenancyId: a.tenancyId,
  hubId: a.hubId,
  actorAccountId: a.actorAccountId,
  action: a.action,
  subject: a.subject,
  details: a.details,
  correlationId: a.correlationId,
  createdAt: a.createdAt.toISOString(),
});
