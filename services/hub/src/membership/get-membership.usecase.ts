import { Injectable } from '@nestjs/common';
import { GetMembershipRequest, MembershipView } from '@gatehouse/contracts';
import { AccessPolicy } from '../permissions/access-policy';
import { toMembershipView } from '../views';

/** One account's membership of a Hub, or null (RPC membership.get). */
@Injectable()
export class GetMembership {
  constructor(private readonly access: AccessPolicy) {}

  async execute({ hubId, accountId }: GetMembershipRequest): Promise<MembershipView | null> {
    const membership = await this.access.membership(hubId, accountId);
    return membership ? toMembershipView(membership) : null;
  }
}
