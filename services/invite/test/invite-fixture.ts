import {
  ACCOUNT_EVENTS,
  ACCOUNT_PATTERNS,
  AccountCreatedPayload,
  Actor,
  CreateInviteResult,
  HUB_EVENTS,
  HUB_PATTERNS,
  HubWithMembershipView,
  INVITE_EVENTS,
  INVITE_PATTERNS,
  InvitesIssuedPayload,
  MemberChangedPayload,
  MembershipView,
  EventEnvelope,
  SYSTEM_ACTOR,
  TenancyView,
  UpdateMemberRequest,
  UserType,
} from '@gatehouse/contracts';
import * as amqp from 'amqplib';
import { ProcessGroup, requireBuilt } from '@gatehouse/processes';
import { EventSpy, ServiceTestBed, freePort, pollUntil, queryTestDb, testAmqpUrl } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { InviteHousekeeping } from '../src/housekeeping/invite-housekeeping';
import { startInvite } from '../src/main';
import { MembershipGrantWorker } from '../src/membership-grants/membership-grant.worker';

export const PUBLIC_BASE_URL = 'http://gatehouse.test';
export const PASSWORD = 'correct horse battery staple';

/** A registered account (its password is PASSWORD), as the actor it signs in as. */
export type TestAccount = Actor;

/** A tenancy, its tenant admin (a real account), and a Hub that admin created (so its first Hub admin). */
export interface World {
  tenancy: TenancyView;
  admin: TestAccount;
  hub: HubWithMembershipView;
}

export interface InviteRowState {
  id: string;
  hub_id: string;
  email: string;
  status: string;
  user_type: string;
  token_hash: string;
  inviter_account_id: string;
  accepted_account_id: string | null;
  revoke_reason: string | null;
  expires_at: Date;
  created_at: Date;
}

export interface AuditRow {
  hub_id: string | null;
  actor_account_id: string | null;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  correlation_id: string | null;
  source_event_id: string | null;
}

export interface FixtureOptions {
  /**
   * Extra environment of the hub process and of the invite service, e.g. AMQP_PREFETCH=1 so that each
   * handles its events strictly one after another (what drainInviteEvents/drainHubAudit rely on).
   */
  hubEnv?: Record<string, string>;
  inviteEnv?: Record<string, string>;
}

/**
 * The invite service in-process (so tests reach its jobs) and the hub service as its compiled process
 * (services never import each other's code, tests included), on the real PostgreSQL and RabbitMQ, in one
 * AMQP namespace so that they talk; plus an RPC client and a spy on every event of that namespace.
 * Needs `npm run build` (or `npx tsc -p tsconfig.build.json`) for dist/services/hub.
 */
export class InviteFixture extends ServiceTestBed {
  spy!: EventSpy;
  private readonly processes = new ProcessGroup();
  private hubPort = 0;
  private readonly hubEnv: Record<string, string>;
  private readonly inviteEnv: Record<string, string>;

  constructor(options: FixtureOptions = {}) {
    super('invite');
    this.hubEnv = this.processEnv(options.hubEnv);
    this.inviteEnv = this.processEnv({ PUBLIC_BASE_URL, ...options.inviteEnv });
    this.onStop(() => this.processes.stop());
  }

  async start(): Promise<void> {
    requireBuilt('hub');
    await this.resetSchemas('hub', 'invite');
    this.spy = await this.spyOnEvents();
    this.hubPort = await freePort();
    await this.startHub();
    await this.bootService(() => startInvite(this.inviteEnv));
  }

  /** The hub process: stopped to test what happens while it is down, started again on the same port. */
  async startHub(): Promise<void> {
    await this.processes.start('hub', this.hubPort, this.hubEnv);
  }

  async stopHub(): Promise<void> {
    await this.processes.stop('hub');
  }

  // --- people and places -------------------------------------------------------------------------

  async account(displayName: string, email = uniqueEmail(displayName)): Promise<TestAccount> {
    const account = await this.call(ACCOUNT_PATTERNS.CREATE, {
      email,
      displayName,
      password: PASSWORD,
      emailVerified: true,
    });
    return { accountId: account.id, email: account.email, displayName, isOperator: false };
  }

  async world(adminName = 'Ada Admin'): Promise<World> {
    const admin = await this.account(adminName);
    const slug = `t-${randomUUID().slice(0, 8)}`;
    const tenancy = await this.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: `Tenancy ${slug}`,
      slug,
      firstAdmin: { accountId: admin.accountId, email: admin.email, displayName: admin.displayName },
    });
    const hub = await this.hubIn(tenancy, admin);
    return { tenancy, admin, hub };
  }

  async hubIn(tenancy: TenancyView, creator: Actor, name = `Hub ${randomUUID().slice(0, 8)}`) {
    return this.call(HUB_PATTERNS.HUB_CREATE, { actor: creator, tenancyId: tenancy.id, name });
  }

  /** A new account that is a member of the Hub with that user type (and the flags given). */
  async member(
    world: World,
    displayName: string,
    userType: UserType,
    patch: Pick<UpdateMemberRequest, 'isHubAdmin' | 'canInvite'> = {},
  ): Promise<TestAccount> {
    const account = await this.account(displayName);
    await this.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
      hubId: world.hub.id,
      userType,
      addedBy: world.admin.accountId,
      members: [{ accountId: account.accountId, email: account.email, displayName }],
    });
    if (Object.keys(patch).length > 0) await this.updateMember(world, account, patch);
    return account;
  }

  updateMember(world: World, member: Actor, patch: Pick<UpdateMemberRequest, 'isHubAdmin' | 'canInvite' | 'userType'>) {
    return this.call(HUB_PATTERNS.MEMBER_UPDATE, {
      actor: world.admin,
      hubId: world.hub.id,
      accountId: member.accountId,
      ...patch,
    });
  }

  membership(hubId: string, accountId: string) {
    return this.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId });
  }

  // --- invites -----------------------------------------------------------------------------------

  invite(actor: Actor, hubId: string, email: string, userType: UserType = 'EXTERNAL_MEMBER', resend?: boolean) {
    return this.call(INVITE_PATTERNS.CREATE, { actor, hubId, email, userType, ...(resend ? { resend } : {}) });
  }

  /** Invites an unregistered address and returns the invite and the raw token from its event. */
  async invited(actor: Actor, hubId: string, email = uniqueEmail('invitee'), userType: UserType = 'EXTERNAL_MEMBER') {
    const result: CreateInviteResult = await this.invite(actor, hubId, email, userType);
    if (result.outcome !== 'invited' || !result.invite) throw new Error(`expected an invite, got ${result.outcome}`);
    const token = await this.tokenFor(result.invite.id);
    return { invite: result.invite, token };
  }

  /**
   * The raw token of the newest created/resent event for that invite (the only place it exists), other
   * than `notThis` (the token a resend replaced).
   */
  async tokenFor(inviteId: string, notThis?: string): Promise<string> {
    let token: string | undefined;
    await eventually(() => {
      const tokens = [...this.issued(INVITE_EVENTS.CREATED), ...this.issued(INVITE_EVENTS.RESENT)]
        .flatMap((e) => e.payload.invites)
        .filter((i) => i.inviteId === inviteId)
        .map((i) => tokenOf(i.acceptUrl));
      token = tokens.reverse().find((t) => t !== notThis);
      return token !== undefined;
    }, `the accept URL of invite ${inviteId}`);
    return token!;
  }

  issued(name: typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.RESENT) {
    return this.spy.named<InvitesIssuedPayload>(name);
  }

  /** invite.invite.created/resent items for one address, across every event so far. */
  issuedTo(name: typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.RESENT, email: string) {
    return this.issued(name).flatMap((e) => e.payload.invites.filter((i) => i.email === email));
  }

  accept(token: string, displayName = 'Grace Hopper', password = PASSWORD) {
    return this.call(INVITE_PATTERNS.ACCEPT, { token, displayName, password });
  }

  /**
   * Waits until every event the invite service committed so far has reached the spy: it makes the
   * service announce one more (an account) and waits for it; the relay publishes in commit order.
   */
  async flushInviteEvents(): Promise<void> {
    const marker = await this.account('Marker', uniqueEmail('marker'));
    await eventually(
      () =>
        this.spy
          .named<AccountCreatedPayload>(ACCOUNT_EVENTS.CREATED)
          .some((e) => e.payload.accountId === marker.accountId),
      'the marker event',
    );
  }

  /** Publishes an event that was delivered before once more (a redelivery, as at-least-once allows). */
  async publishAgain(envelope: EventEnvelope): Promise<void> {
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const channel = await connection.createConfirmChannel();
      const body = Buffer.from(JSON.stringify({ pattern: envelope.name, data: envelope }));
      channel.publish(`${this.namespace}.events`, envelope.name, body, {
        persistent: true,
        messageId: envelope.id,
        contentType: 'application/json',
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
  }

  /**
   * With the invite service consuming one event at a time (inviteEnv AMQP_PREFETCH=1): waits until every
   * event queued for it so far has been handled, by queueing a marker (a hub.member.changed of a member
   * who may still invite, in a Hub that does not exist: it changes nothing) and waiting for the marker's
   * inbox claim.
   */
  async drainInviteEvents(): Promise<void> {
    const hubId = randomUUID();
    const member: MembershipView = {
      hubId,
      accountId: randomUUID(),
      email: uniqueEmail('marker'),
      displayName: 'Marker',
      userType: 'TEAM_MEMBER',
      isHubAdmin: false,
      canInvite: true,
      joinedAt: new Date().toISOString(),
    };
    const payload: MemberChangedPayload = {
      hubId,
      tenancyId: randomUUID(),
      changedBy: randomUUID(),
      before: member,
      after: member,
    };
    const marker: EventEnvelope<MemberChangedPayload> = {
      id: randomUUID(),
      name: HUB_EVENTS.MEMBER_CHANGED,
      occurredAt: new Date().toISOString(),
      correlationId: null,
      payload,
    };
    await this.publishAgain(marker);
    await eventually(
      async () =>
        (
          await queryTestDb('SELECT 1 FROM invite.inbox WHERE message_id = $1 AND consumer = $2', [
            marker.id,
            'inviter-rights',
          ])
        ).length === 1,
      'the marker to be consumed',
    );
  }

  /**
   * With the hub consuming one event at a time (hubEnv AMQP_PREFETCH=1): waits until every event queued
   * for it so far has been audited, by queueing a marker (an invite) and waiting for its audit row.
   */
  async drainHubAudit(world: World): Promise<void> {
    const { invite } = await this.invited(world.admin, world.hub.id, uniqueEmail('audit-marker'));
    await eventually(
      async () => (await this.auditRows(world.hub.id)).some((row) => row.details.inviteId === invite.id),
      'the marker audit row',
    );
  }

  /**
   * One round of the invite service's housekeeping (expiry sweep, pickup, pruning), then one round of the
   * membership-grant worker's retries (the grants that are due), as their loops would do.
   */
  async housekeeping() {
    const report = await this.app.get(InviteHousekeeping).runOnce();
    await this.app.get(MembershipGrantWorker).runDue();
    return report;
  }

  // --- stored state ------------------------------------------------------------------------------

  async inviteRows(where: { hubId?: string; email?: string }): Promise<InviteRowState[]> {
    return queryTestDb<InviteRowState>(
      `SELECT id, hub_id, email, status, user_type, token_hash, inviter_account_id, accepted_account_id,
              revoke_reason, expires_at, created_at
       FROM invite.invites WHERE ($1::uuid IS NULL OR hub_id = $1) AND ($2::text IS NULL OR email = $2)
       ORDER BY created_at, id`,
      [where.hubId ?? null, where.email ?? null],
    );
  }

  async accountsWith(email: string): Promise<number> {
    const [{ count }] = await queryTestDb<{ count: string }>('SELECT count(*) FROM invite.accounts WHERE email = $1', [
      email,
    ]);
    return Number(count);
  }

  async auditRows(hubId: string, actionPrefix = 'invite.'): Promise<AuditRow[]> {
    return queryTestDb<AuditRow>(
      `SELECT hub_id, actor_account_id, action, subject, details, correlation_id, source_event_id
       FROM hub.audit_log WHERE hub_id = $1 AND action LIKE $2 ORDER BY id`,
      [hubId, `${actionPrefix}%`],
    );
  }
}

export function tokenOf(acceptUrl: string): string {
  return acceptUrl.slice(acceptUrl.lastIndexOf('/') + 1);
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label.toLowerCase().replace(/\W+/g, '.')}.${counter}.${randomUUID().slice(0, 8)}@example.com`;
}

/** Polls until `condition` holds; fails with `what` after a generous deadline (never a speed assertion). */
export async function eventually(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15000) {
  await pollUntil(condition, what, { timeoutMs, intervalMs: 25 });
}
