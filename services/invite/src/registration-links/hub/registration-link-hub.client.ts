import { Injectable } from '@nestjs/common';
import {
  AddMembersBulkResult,
  ERROR_CODES,
  HUB_PATTERNS,
  HubAction,
  MemberProfile,
  MembershipView,
  UserType,
} from '@gatehouse/contracts';
import { DomainError, RpcClient } from '@gatehouse/messaging';

export interface AuthorisedHubMember {
  hub: { id: string; name: string; tenancyId: string };
  membership: MembershipView;
}

/**
 * The registration links' way to the hub service. Who may see or manage a link is the hub's decision
 * (the permission matrix lives there); a refusal comes back as the hub's own code and sentence
 * (HUB.NOT_FOUND for a non-member, PERMISSION.DENIED for a member without the right).
 */
@Injectable()
export class RegistrationLinkHubClient {
  constructor(private readonly rpc: RpcClient) {}

  async authorise(accountId: string, hubId: string, action: HubAction): Promise<AuthorisedHubMember> {
    const decision = await this.rpc.call(HUB_PATTERNS.PERMISSION_CHECK, { hubId, accountId, action });
    if (!decision.allowed || !decision.hub || !decision.membership) {
      throw new DomainError(
        decision.denial?.code ?? ERROR_CODES.HUB_NOT_FOUND,
        decision.denial?.message ?? 'No such Hub.',
        { hubId, action },
      );
    }
    return { hub: decision.hub, membership: decision.membership };
  }

  /** Idempotent on the hub side: a member already there keeps their user type and flags. */
  addMembers(
    hubId: string,
    userType: UserType,
    members: MemberProfile[],
    options: { timeoutMs?: number } = {},
  ): Promise<AddMembersBulkResult> {
    return this.rpc.call(HUB_PATTERNS.MEMBER_ADD_BULK, { hubId, userType, addedBy: null, members }, options);
  }
}
