import { Injectable } from '@nestjs/common';
import { Actor, HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';

/**
 * The notification service trusts the gateway's authorisation (it keeps no copy of tenant admins), so
 * before every call to it the gateway asks the hub whether the actor is a tenant admin of the tenancy
 * or an operator. The hub decides and refuses with its own code: TENANCY.NOT_FOUND (unknown, or not
 * the caller's to know), PERMISSION.DENIED (a member of one of its Hubs, not an admin).
 */
@Injectable()
export class TenancyAdminCheck {
  constructor(private readonly rpc: RpcClient) {}

  async require(actor: Actor, tenancyId: string): Promise<void> {
    await this.rpc.call(HUB_PATTERNS.TENANT_ADMIN_CHECK, { actor, tenancyId });
  }
}
