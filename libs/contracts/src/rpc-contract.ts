import {
  AddMembersBulkRequest,
  AddMembersBulkResult,
  AddTenantAdminRequest,
  AuditEntryView,
  CheckPermissionRequest,
  CreateHubRequest,
  CheckTenantAdminRequest,
  CreateTenancyRequest,
  FindMembersRequest,
  GetHubRequest,
  GetMembershipRequest,
  GetPolicyRequest,
  HUB_PATTERNS,
  HubWithMembershipView,
  ListAuditRequest,
  ListHubsRequest,
  ListMembersRequest,
  ListTenanciesRequest,
  ListTenancyHubsRequest,
  MembershipView,
  PermissionDecision,
  PolicyView,
  RemoveMemberRequest,
  TenancyHubView,
  TenancySummaryView,
  TenancyView,
  UpdateMemberRequest,
  UpdatePolicyRequest,
} from './hub';
import {
  ACCOUNT_PATTERNS,
  AcceptInviteRequest,
  AcceptInviteResult,
  AccountNames,
  AccountNamesRequest,
  AccountStats,
  AccountView,
  ConfirmSignupRequest,
  ConfirmSignupResult,
  CreateAccountRequest,
  CreateInviteRequest,
  EndAccountSessionsRequest,
  CreateInviteResult,
  GetAccountRequest,
  DiscardUnusedAccountRequest,
  GetRegistrationLinkRequest,
  HUB_INVITE_STATS_PATTERNS,
  HubInviteStatsView,
  INVITE_PATTERNS,
  InvitePreview,
  InviteView,
  JoinByLinkRequest,
  JoinByLinkResult,
  ListHubInviteStatsRequest,
  ListInvitesRequest,
  LookupAccountsRequest,
  LookupAccountsResult,
  PreviewInviteRequest,
  PreviewJoinRequest,
  PreviewSignupRequest,
  REGISTRATION_LINK_PATTERNS,
  RegistrationLinkPreview,
  RegistrationLinkView,
  ResendInviteRequest,
  SessionTokenRequest,
  SessionView,
  StartSessionRequest,
  StartedSession,
  RenewInviteLinksRequest,
  RenewInviteLinksResult,
  RevokeInviteRequest,
  RotateRegistrationLinkRequest,
  SignupPreview,
  StatsRequest,
  UpdateRegistrationLinkRequest,
  VerifyCredentialsRequest,
} from './invite';
import {
  DeliveryView,
  ListDeliveriesRequest,
  NOTIFICATION_PATTERNS,
  RenderPreviewRequest,
  RenderedEmailView,
  RetryDeliveryRequest,
  RetryFailedDeliveriesRequest,
  RetryFailedDeliveriesResult,
} from './notification';
import {
  CreateImportRequest,
  GetImportRequest,
  AbortImportUploadRequest,
  AppendImportUploadRequest,
  BeginImportUploadRequest,
  ImportUploadAllowance,
  ImportUploadProgress,
  IMPORT_PATTERNS,
  ImportJobView,
  ImportReportCsv,
  ImportRowView,
  ListImportRowsRequest,
  ListImportsRequest,
  ListTenancyImportsRequest,
} from './invite';
import { Page } from './paging';
import { StatsWindowRequest } from './stats';
import { ProcessHealthView, SYSTEM_HEALTH_PATTERNS, SystemHealthRequest } from './system';
import { InviteDailyStats } from './invite/invite-stats.views';
import { DeliveryBacklogRequest, DeliveryBacklogView, DeliveryDailyStats, DeliveryStatsRequest } from './notification';

interface Rpc<TRequest, TResponse> {
  request: TRequest;
  response: TResponse;
}

/**
 * Every request/response pattern with its request and response type: the typed RPC client takes a
 * pattern and checks the payload and the result against this map.
 */
export interface RpcContract {
  [HUB_PATTERNS.TENANCY_CREATE]: Rpc<CreateTenancyRequest, TenancyView>;
  [HUB_PATTERNS.TENANCY_LIST]: Rpc<ListTenanciesRequest, Page<TenancySummaryView>>;
  [HUB_PATTERNS.TENANT_ADMIN_CHECK]: Rpc<CheckTenantAdminRequest, { tenancyId: string }>;
  [HUB_PATTERNS.TENANT_ADMIN_ADD]: Rpc<AddTenantAdminRequest, { tenancyId: string; accountId: string }>;
  [HUB_PATTERNS.POLICY_GET]: Rpc<GetPolicyRequest, PolicyView>;
  [HUB_PATTERNS.POLICY_UPDATE]: Rpc<UpdatePolicyRequest, PolicyView>;
  [HUB_PATTERNS.HUB_CREATE]: Rpc<CreateHubRequest, HubWithMembershipView>;
  [HUB_PATTERNS.HUB_LIST]: Rpc<ListHubsRequest, Page<HubWithMembershipView>>;
  [HUB_PATTERNS.HUB_GET]: Rpc<GetHubRequest, HubWithMembershipView>;
  [HUB_PATTERNS.TENANCY_HUB_LIST]: Rpc<ListTenancyHubsRequest, Page<TenancyHubView>>;
  [HUB_PATTERNS.MEMBERSHIP_GET]: Rpc<GetMembershipRequest, MembershipView | null>;
  [HUB_PATTERNS.MEMBER_LIST]: Rpc<ListMembersRequest, Page<MembershipView>>;
  [HUB_PATTERNS.MEMBER_ADD_BULK]: Rpc<AddMembersBulkRequest, AddMembersBulkResult>;
  [HUB_PATTERNS.MEMBER_FIND_MANY]: Rpc<FindMembersRequest, { accountIds: string[] }>;
  [HUB_PATTERNS.MEMBER_UPDATE]: Rpc<UpdateMemberRequest, MembershipView>;
  [HUB_PATTERNS.MEMBER_REMOVE]: Rpc<RemoveMemberRequest, { removed: true }>;
  [HUB_PATTERNS.PERMISSION_CHECK]: Rpc<CheckPermissionRequest, PermissionDecision>;
  [HUB_PATTERNS.AUDIT_LIST]: Rpc<ListAuditRequest, Page<AuditEntryView>>;
  [ACCOUNT_PATTERNS.LOOKUP]: Rpc<LookupAccountsRequest, LookupAccountsResult>;
  [ACCOUNT_PATTERNS.CREATE]: Rpc<CreateAccountRequest, AccountView>;
  [ACCOUNT_PATTERNS.GET]: Rpc<GetAccountRequest, AccountView>;
  [ACCOUNT_PATTERNS.DISCARD_UNUSED]: Rpc<DiscardUnusedAccountRequest, { discarded: true }>;
  [ACCOUNT_PATTERNS.NAMES]: Rpc<AccountNamesRequest, AccountNames>;
  [ACCOUNT_PATTERNS.STATS]: Rpc<StatsRequest, AccountStats>;
  [ACCOUNT_PATTERNS.CREDENTIALS_VERIFY]: Rpc<VerifyCredentialsRequest, AccountView>;
  [ACCOUNT_PATTERNS.SESSION_START]: Rpc<StartSessionRequest, StartedSession>;
  [ACCOUNT_PATTERNS.SESSION_RESOLVE]: Rpc<SessionTokenRequest, SessionView>;
  [ACCOUNT_PATTERNS.SESSION_END]: Rpc<SessionTokenRequest, { ended: boolean }>;
  [ACCOUNT_PATTERNS.SESSION_END_ALL]: Rpc<EndAccountSessionsRequest, { ended: number }>;
  [INVITE_PATTERNS.CREATE]: Rpc<CreateInviteRequest, CreateInviteResult>;
  [INVITE_PATTERNS.LIST]: Rpc<ListInvitesRequest, Page<InviteView>>;
  [INVITE_PATTERNS.RESEND]: Rpc<ResendInviteRequest, InviteView>;
  [INVITE_PATTERNS.REVOKE]: Rpc<RevokeInviteRequest, InviteView>;
  [INVITE_PATTERNS.RENEW_LINKS]: Rpc<RenewInviteLinksRequest, RenewInviteLinksResult>;
  [INVITE_PATTERNS.PREVIEW_ACCEPT]: Rpc<PreviewInviteRequest, InvitePreview>;
  [INVITE_PATTERNS.ACCEPT]: Rpc<AcceptInviteRequest, AcceptInviteResult>;
  [HUB_INVITE_STATS_PATTERNS.LIST]: Rpc<ListHubInviteStatsRequest, { items: HubInviteStatsView[] }>;
  [REGISTRATION_LINK_PATTERNS.GET]: Rpc<GetRegistrationLinkRequest, RegistrationLinkView>;
  [REGISTRATION_LINK_PATTERNS.UPDATE]: Rpc<UpdateRegistrationLinkRequest, RegistrationLinkView>;
  [REGISTRATION_LINK_PATTERNS.ROTATE]: Rpc<RotateRegistrationLinkRequest, RegistrationLinkView>;
  [REGISTRATION_LINK_PATTERNS.PREVIEW_JOIN]: Rpc<PreviewJoinRequest, RegistrationLinkPreview>;
  [REGISTRATION_LINK_PATTERNS.JOIN]: Rpc<JoinByLinkRequest, JoinByLinkResult>;
  [REGISTRATION_LINK_PATTERNS.PREVIEW_SIGNUP]: Rpc<PreviewSignupRequest, SignupPreview>;
  [REGISTRATION_LINK_PATTERNS.CONFIRM_SIGNUP]: Rpc<ConfirmSignupRequest, ConfirmSignupResult>;
  [NOTIFICATION_PATTERNS.DELIVERY_LIST]: Rpc<ListDeliveriesRequest, Page<DeliveryView>>;
  [NOTIFICATION_PATTERNS.DELIVERY_RETRY]: Rpc<RetryDeliveryRequest, DeliveryView>;
  [NOTIFICATION_PATTERNS.DELIVERY_RETRY_FAILED]: Rpc<RetryFailedDeliveriesRequest, RetryFailedDeliveriesResult>;
  [NOTIFICATION_PATTERNS.PREVIEW_RENDER]: Rpc<RenderPreviewRequest, RenderedEmailView>;
  [IMPORT_PATTERNS.CREATE]: Rpc<CreateImportRequest, ImportJobView>;
  [IMPORT_PATTERNS.UPLOAD_BEGIN]: Rpc<BeginImportUploadRequest, ImportUploadAllowance>;
  [IMPORT_PATTERNS.UPLOAD_APPEND]: Rpc<AppendImportUploadRequest, ImportUploadProgress>;
  [IMPORT_PATTERNS.UPLOAD_ABORT]: Rpc<AbortImportUploadRequest, ImportUploadProgress>;
  [IMPORT_PATTERNS.GET]: Rpc<GetImportRequest, ImportJobView>;
  [IMPORT_PATTERNS.LIST]: Rpc<ListImportsRequest, Page<ImportJobView>>;
  [IMPORT_PATTERNS.LIST_TENANCY]: Rpc<ListTenancyImportsRequest, Page<ImportJobView>>;
  [IMPORT_PATTERNS.ROWS]: Rpc<ListImportRowsRequest, Page<ImportRowView>>;
  [IMPORT_PATTERNS.REPORT_CSV]: Rpc<GetImportRequest, ImportReportCsv>;
  [INVITE_PATTERNS.STATS]: Rpc<StatsWindowRequest, InviteDailyStats[]>;
  [NOTIFICATION_PATTERNS.DELIVERY_STATS]: Rpc<DeliveryStatsRequest, DeliveryDailyStats[]>;
  [NOTIFICATION_PATTERNS.DELIVERY_BACKLOG]: Rpc<DeliveryBacklogRequest, DeliveryBacklogView>;
  [SYSTEM_HEALTH_PATTERNS.hub]: Rpc<SystemHealthRequest, ProcessHealthView>;
  [SYSTEM_HEALTH_PATTERNS.invite]: Rpc<SystemHealthRequest, ProcessHealthView>;
  [SYSTEM_HEALTH_PATTERNS.notification]: Rpc<SystemHealthRequest, ProcessHealthView>;
}

export type RpcPattern = keyof RpcContract;
export type RpcRequest<P extends RpcPattern> = RpcContract[P]['request'];
export type RpcResponse<P extends RpcPattern> = RpcContract[P]['response'];
