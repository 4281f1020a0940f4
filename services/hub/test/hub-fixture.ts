import {
  Actor,
  HUB_EVENTS,
  HUB_PATTERNS,
  HubWithMembershipView,
  MemberProfile,
  MembersAddedPayload,
  TenancyView,
  UpdateMemberRequest,
  UserType,
} from '@gatehouse/contracts';
import { EventSpy, ServiceTestBed, pollUntil, queryTestDb } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { startHub } from '../src/main';

/** A tenancy with its first tenant admin, and a Hub that admin created (so they are its first Hub admin). */
export interface World {
  tenancy: TenancyView;
  tenantAdmin: Actor;
  hub: HubWithMembershipView;
}

export type MemberPatch = Pick<UpdateMemberRequest, 'userType' | 'isHubAdmin' | 'canInvite'>;

/** An audit row as a tenant admin would read it. */
export interface AuditRow {
  tenancy_id: string;
  hub_id: string | null;
  actor_account_id: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

/** A running hub service on the real PostgreSQL and RabbitMQ, and an RPC client to talk to it. */
export class HubFixture extends ServiceTestBed {
  readonly operator = makeActor('Olga Operator', true);
  /** With forSuite(): every event the hub published since the suite started. */
  events!: EventSpy;
  private markerTenancy: TenancyView | null = null;

  constructor() {
    super('hub');
  }

  /** A hub started (with `events` recording) before the suite's tests and stopped after them. */
  static forSuite(): HubFixture {
    const hub = new HubFixture();
    beforeAll(async () => {
      await hub.start();
      hub.events = await hub.spyOnEvents();
    });
    afterAll(() => hub.stop());
    return hub;
  }

  async start(): Promise<void> {
    await this.resetSchemas('hub');
    await this.bootService(() => startHub(this.processEnv()));
  }

  async createTenancy(admin: Actor) {
    const slug = `t-${randomUUID().slice(0, 8)}`;
    return this.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: this.operator,
      name: `Tenancy ${slug}`,
      slug,
      firstAdmin: profileOf(admin),
    });
  }

  async createHub(tenancyId: string, creator: Actor, name = `Hub ${randomUUID().slice(0, 8)}`) {
    return this.call(HUB_PATTERNS.HUB_CREATE, { actor: creator, tenancyId, name });
  }

  async createWorld(adminName = 'Tess Tenant-Admin'): Promise<World> {
    const tenantAdmin = makeActor(adminName);
    const tenancy = await this.createTenancy(tenantAdmin);
    const hub = await this.createHub(tenancy.id, tenantAdmin);
    return { tenancy, tenantAdmin, hub };
  }

  async addMember(hub: HubWithMembershipView, member: Actor, userType: UserType) {
    return this.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
      hubId: hub.id,
      userType,
      addedBy: hub.createdBy,
      members: [profileOf(member)],
    });
  }

  /** A new account that has just been added to the Hub. */
  async join(hub: HubWithMembershipView, displayName: string, userType: UserType): Promise<Actor> {
    const member = makeActor(displayName);
    await this.addMember(hub, member, userType);
    return member;
  }

  async updateMember(hub: HubWithMembershipView, by: Actor, member: Actor, patch: MemberPatch) {
    return this.call(HUB_PATTERNS.MEMBER_UPDATE, { actor: by, hubId: hub.id, accountId: member.accountId, ...patch });
  }

  async removeMember(hub: HubWithMembershipView, by: Actor, member: Actor) {
    return this.call(HUB_PATTERNS.MEMBER_REMOVE, { actor: by, hubId: hub.id, accountId: member.accountId });
  }

  /** What the hub currently records about that account in that Hub (null: not a member). */
  async membership(hub: HubWithMembershipView, member: Actor) {
    return this.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId: hub.id, accountId: member.accountId });
  }

  /** The Hub's audit trail, oldest first, straight from the database. */
  async auditRows(hubId: string): Promise<AuditRow[]> {
    return queryTestDb<AuditRow>(
      `SELECT tenancy_id, hub_id, actor_account_id, action, subject, details
       FROM hub.audit_log WHERE hub_id = $1 ORDER BY id`,
      [hubId],
    );
  }

  async countRows(table: 'memberships' | 'audit_log' | 'outbox', hubId?: string): Promise<number> {
    const where = hubId ? (table === 'outbox' ? `WHERE payload->>'hubId' = $1` : 'WHERE hub_id = $1') : '';
    const [{ count }] = await queryTestDb<{ count: string }>(
      `SELECT count(*) FROM hub.${table} ${where}`,
      hubId ? [hubId] : [],
    );
    return Number(count);
  }

  /**
   * Waits until every event the hub committed so far has reached `spy`: it makes the hub announce one
   * more event and waits for that one. The relay publishes in commit order over one confirmed channel,
   * so anything earlier has arrived by then — "exactly once" and "never" can be asserted without sleeping.
   */
  async flushEvents(spy: EventSpy): Promise<void> {
    this.markerTenancy ??= await this.createTenancy(this.operator);
    const marker = await this.createHub(this.markerTenancy.id, this.operator, `marker ${randomUUID()}`);
    await eventually(
      () => spy.named<MembersAddedPayload>(HUB_EVENTS.MEMBERS_ADDED).some((e) => e.payload.hubId === marker.id),
      'the marker event',
    );
  }
}

/** Polls `condition` until it holds; fails with `what` after a generous deadline (never a speed assertion). */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10000) {
  await pollUntil(condition, what, { timeoutMs, intervalMs: 20 });
}

export function makeActor(displayName: string, isOperator = false): Actor {
  const id = randomUUID();
  return {
    accountId: id,
    email: `${displayName.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 6)}@example.com`,
    displayName,
    isOperator,
  };
}

export function profileOf(actor: Actor): MemberProfile {
  return { accountId: actor.accountId, email: actor.email, displayName: actor.displayName };
}
