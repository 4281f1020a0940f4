/** Request/response patterns served by the hub service: `<service>.<noun>.<verb>`. */
export const HUB_PATTERNS = {
  TENANCY_CREATE: 'hub.tenancy.create',
  TENANCY_LIST: 'hub.tenancy.list',
  TENANT_ADMIN_ADD: 'hub.tenant-admin.add',
  /** Is the actor a tenant admin of the tenancy (or an operator)? Errors as every tenancy-admin action does. */
  TENANT_ADMIN_CHECK: 'hub.tenant-admin.check',
  POLICY_GET: 'hub.policy.get',
  POLICY_UPDATE: 'hub.policy.update',
  HUB_CREATE: 'hub.hub.create',
  HUB_LIST: 'hub.hub.list',
  HUB_GET: 'hub.hub.get',
  /** Every Hub of a tenancy with its member count (tenant admins of it, operators): the console's Hubs page. */
  TENANCY_HUB_LIST: 'hub.tenancy-hub.list',
  MEMBERSHIP_GET: 'hub.membership.get',
  MEMBER_LIST: 'hub.member.list',
  MEMBER_ADD_BULK: 'hub.member.add-bulk',
  MEMBER_FIND_MANY: 'hub.member.find-many',
  MEMBER_UPDATE: 'hub.member.update',
  MEMBER_REMOVE: 'hub.member.remove',
  PERMISSION_CHECK: 'hub.permission.check',
  AUDIT_LIST: 'hub.audit.list',
} as const;

/** Events published by the hub service (past tense). */
export const HUB_EVENTS = {
  MEMBERS_ADDED: 'hub.member.added',
  MEMBER_REMOVED: 'hub.member.removed',
  MEMBER_CHANGED: 'hub.member.changed',
  POLICY_CHANGED: 'hub.policy.changed',
} as const;
