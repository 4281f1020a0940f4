import type { components, operations } from './schema';

export type { operations };

/** Response and request shapes, taken from the generated OpenAPI types (never written by hand). */
type Schemas = components['schemas'];

export type BrowserSession = Schemas['BrowserSession'];
export type Account = Schemas['AccountView'];
export type HubWithMembership = Schemas['HubWithMembership'];
export type Membership = Schemas['Membership'];
export type MembershipPage = Schemas['MembershipPage'];
export type Invite = Schemas['Invite'];
export type InviteAddressResult = Schemas['InviteAddressResult'];
export type ImportJob = Schemas['ImportJob'];
export type ImportRow = Schemas['ImportRow'];
export type RegistrationLink = Schemas['RegistrationLink'];
export type UpdateMember = Schemas['UpdateMemberBody'];
export type UpdateRegistrationLink = Schemas['UpdateRegistrationLinkBody'];

export type TenancySummary = Schemas['TenancySummary'];
export type CreateTenancy = Schemas['CreateTenancyBody'];
export type Policy = Schemas['Policy'];
export type UpdatePolicy = Schemas['UpdatePolicyBody'];
export type EmailPreview = Schemas['EmailPreview'];
export type TenancyHub = Schemas['TenancyHub'];

export type UserType = Schemas['UserType'];
export type ImportStatus = Schemas['ImportStatus'];
export type Delivery = Schemas['Delivery'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type RetriedDeliveries = Schemas['RetriedDeliveries'];
export type EmailTemplateId = Schemas['EmailTemplateId'];
export type AuditLogEntry = Schemas['AuditLogEntry'];

export type MembersQuery = NonNullable<operations['listMembers']['parameters']['query']>;
export type ImportOutcome = NonNullable<ImportRow['outcome']>;

export type SystemHealth = Schemas['SystemHealth'];
export type QueueHealth = Schemas['QueueHealth'];
export type InviteStats = Schemas['InviteStatsResponse'];
export type EmailStats = Schemas['EmailStatsResponse'];
