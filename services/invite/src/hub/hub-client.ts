import { Injectable } from '@nestjs/common';
import {
  Actor,
  AddMembersBulkResult,
  AddedNotice,
  ERROR_CODES,
  HUB_PATTERNS,
  HubAction,
  MemberProfile,
  MembershipView,
  UserType,
  DomainError,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { DEFAULT_INVITE_EXPIRY_DAYS } from '../invites/invites.constants';

/** What an allowed permission check tells the invite service about the Hub and the caller. */
export interface AuthorisedHub {
  hub: { id: string; name: string; tenancyId: string };
  membership: MembershipView;
  scope: 'all' | 'own' | null;
  inviteExpiryDays: number;
}

/**
 * The invite service's only way to the hub service: typed RPCs over RabbitMQ. Authorisation is the
 * hub's decision (it owns memberships and the permission matrix); this class turns a refusal into the
 * hub's own error code.
 */
@Injectable()
export class HubClient {
  constructor(private readonly rpc: RpcClient) {}

  async authorise(accountId: string, hubId: string, action: HubAction, userType?: UserType): Promise<AuthorisedHub> {
    const decision = await this.rpc.call(HUB_PATTERNS.PERMISSION_CHECK, { hubId, accountId, action, userType });
    if (!decision.allowed || !decision.hub || !decision.membership) {
      throw new DomainError(
        decision.denial?.code ?? ERROR_CODES.HUB_NOT_FOUND,
        decision.denial?.message ?? 'No such Hub.',
        { hubId, action },
      );
    }
    return {
      hub: decision.hub,
      membership: decision.membership,
      scope: decision.scope,
      inviteExpiryDays: decision.inviteExpiryDays ?? DEFAULT_INVITE_EXPIRY_DAYS,
    };
  }

  /** Idempotent and set-based on the hub side; the caller keeps batches within MAX_BULK_MEMBERS. */
  addMembers(
    hubId: string,
    userType: UserType,
    addedBy: string | null,
    members: MemberProfile[],
    options: { timeoutMs?: number; notice?: AddedNotice; requestKey?: string } = {},
  ): Promise<AddMembersBulkResult> {
    const { notice, requestKey, ...callOptions } = options;
    return this.rpc.call(
      HUB_PATTERNS.MEMBER_ADD_BULK,
      { hubId, userType, addedBy, members, ...(notice ? { notice } : {}), ...(requestKey ? { requestKey } : {}) },
      callOptions,
    );
  }

  /** Which of these accounts are members of the Hub (read only); the caller keeps within MAX_BULK_MEMBERS. */
  async findMembers(hubId: string, accountIds: string[]): Promise<Set<string>> {
    const found = await this.rpc.call(HUB_PATTERNS.MEMBER_FIND_MANY, { hubId, accountIds });
    return new Set(found.accountIds);
  }

  /**
   * Refuses unless the actor is a tenant admin of the tenancy or an operator, with the hub's own code
   * (TENANCY.NOT_FOUND, PERMISSION.DENIED).
   */
  async requireTenancyAdmin(actor: Actor, tenancyId: string): Promise<void> {
    await this.rpc.call(HUB_PATTERNS.TENANT_ADMIN_CHECK, { actor, tenancyId });
  }

  membership(hubId: string, accountId: string): Promise<MembershipView | null> {
    return this.rpc.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId });
  }
}
