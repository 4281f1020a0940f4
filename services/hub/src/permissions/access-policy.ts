import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, ERROR_CODES, HubAction, UserType, DomainError } from '@gatehouse/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { HubEntity } from '../hubs/hub.entity';
import { MembershipEntity } from '../membership/membership.entity';
import { TenancyEntity } from '../tenancy/tenancy.entity';
import { TenantAdminEntity } from '../tenancy/tenant-admin.entity';
import { decide } from './permission-matrix';
import { HUB_SCHEMA } from '../hub.config';

export interface HubAccess {
  hub: HubEntity;
  membership: MembershipEntity;
  scope: 'all' | 'own' | null;
}

const hubNotFound = () => new DomainError(ERROR_CODES.HUB_NOT_FOUND, 'No such Hub.');

/**
 * The access policy — not a use case but the check every use case runs first: loads what a permission
 * depends on and applies the matrix. Every hub-service operation goes through here, so authorisation is
 * decided where the data lives.
 */
@Injectable()
export class AccessPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async membership(hubId: string, accountId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findOne(MembershipEntity, { where: { hubId, accountId } });
  }

  async requireHubAction(
    actor: Pick<Actor, 'accountId'>,
    hubId: string,
    action: HubAction,
    options: { userType?: UserType; manager?: EntityManager } = {},
  ): Promise<HubAccess> {
    const manager = options.manager ?? this.dataSource.manager;
    const hub = await manager.findOne(HubEntity, { where: { id: hubId } });
    if (!hub) throw hubNotFound();
    const membership = await this.membership(hubId, actor.accountId, manager);
    const decision = decide(membership, action, options.userType);
    if (!decision.allowed) throw new DomainError(decision.code, decision.message, { hubId, action });
    return { hub, membership: membership!, scope: decision.scope };
  }

  async isTenantAdmin(tenancyId: string, accountId: string): Promise<boolean> {
    return this.dataSource.manager.exists(TenantAdminEntity, { where: { tenancyId, accountId } });
  }

  /**
   * Whether the actor sees a Hub from above without a membership: an operator, or a tenant admin of its
   * tenancy (the console's "Open"). This grants reading its members only; every Hub action still needs one.
   */
  async overseesHub(actor: Actor, hubId: string): Promise<boolean> {
    if (actor.isOperator) return this.dataSource.manager.exists(HubEntity, { where: { id: hubId } });
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${HUB_SCHEMA}.hubs h JOIN ${HUB_SCHEMA}.tenant_admins a ON a.tenancy_id = h.tenancy_id
       WHERE h.id = $1 AND a.account_id = $2`,
      [hubId, actor.accountId],
    );
    return rows.length > 0;
  }

  /**
   * Tenant admins of the tenancy and platform operators pass. Others learn only that it does not
   * exist, unless they are members of one of its Hubs (then they know it and are told "not allowed").
   */
  async requireTenancyAdmin(actor: Actor, tenancyId: string): Promise<TenancyEntity> {
    const tenancy = await this.dataSource.manager.findOne(TenancyEntity, { where: { id: tenancyId } });
    if (!tenancy) throw new DomainError(ERROR_CODES.TENANCY_NOT_FOUND, 'No such tenancy.');
    if (actor.isOperator || (await this.isTenantAdmin(tenancyId, actor.accountId))) return tenancy;
    const knowsIt: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ${HUB_SCHEMA}.memberships m JOIN ${HUB_SCHEMA}.hubs h ON h.id = m.hub_id
       WHERE h.tenancy_id = $1 AND m.account_id = $2 LIMIT 1`,
      [tenancyId, actor.accountId],
    );
    if (knowsIt.length === 0) throw new DomainError(ERROR_CODES.TENANCY_NOT_FOUND, 'No such tenancy.');
    throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Only a tenant admin of this tenancy can do that.');
  }

  /** Locks the Hub row so that concurrent changes to its admins are serialised (last-admin rule). */
  async lockHub(manager: EntityManager, hubId: string): Promise<HubEntity> {
    const hub = await manager.findOne(HubEntity, { where: { id: hubId }, lock: { mode: 'pessimistic_write' } });
    if (!hub) throw hubNotFound();
    return hub;
  }
}
