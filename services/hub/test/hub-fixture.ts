import { INestApplication } from '@nestjs/common';
import { Actor, HUB_PATTERNS, HubWithMembershipView, MemberProfile, UserType } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { deleteNamespace, newNamespace, resetSchemas, testProcessEnv, testRpcClient } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { startHub } from '../src/main';

/** A running hub service on the real PostgreSQL and RabbitMQ, and an RPC client to talk to it. */
export class HubFixture {
  app!: INestApplication;
  rpc!: RpcClient;
  readonly namespace = newNamespace('hub');
  readonly operator = makeActor('Olga Operator', true);

  async start(): Promise<void> {
    await resetSchemas('hub');
    this.app = await startHub(testProcessEnv(this.namespace));
    this.rpc = testRpcClient(this.namespace);
  }

  async stop(): Promise<void> {
    await this.rpc?.close();
    await this.app?.close();
    await deleteNamespace(this.namespace);
  }

  async createTenancy(admin: Actor) {
    const slug = `t-${randomUUID().slice(0, 8)}`;
    return this.rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: this.operator,
      name: `Tenancy ${slug}`,
      slug,
      firstAdmin: profileOf(admin),
    });
  }

  async createHub(tenancyId: string, creator: Actor, name = `Hub ${randomUUID().slice(0, 8)}`) {
    return this.rpc.call(HUB_PATTERNS.HUB_CREATE, { actor: creator, tenancyId, name });
  }

  async addMember(hub: HubWithMembershipView, member: Actor, userType: UserType) {
    return this.rpc.call(HUB_PATTERNS.MEMBER_ADD_BULK, {
      hubId: hub.id,
      userType,
      addedBy: hub.createdBy,
      members: [profileOf(member)],
    });
  }
}

export function makeActor(displayName: string, isOperator = false): Actor {
  const id = randomUUID();
  return { accountId: id, email: `${displayName.toLowerCase().replace(/\W+/g, '.')}.${id.slice(0, 6)}@example.com`, displayName, isOperator };
}

export function profileOf(actor: Actor): MemberProfile {
  return { accountId: actor.accountId, email: actor.email, displayName: actor.displayName };
}
