import { INVITE_EVENTS, InvitesIssuedPayload } from '@gatehouse/contracts';
import { AmqpNames } from '@gatehouse/messaging';
import { testAmqpUrl } from '@gatehouse/testing';
import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { HubFixture, World, eventually } from './hub-fixture';

/**
 * The hub's audit consumers check each invite-service event against its contract (parseEvent) before
 * writing anything: a good one becomes audit rows, a malformed one is dead-lettered and writes nothing.
 */
describe('audit log from invite events (hub)', () => {
  const fx = new HubFixture();
  let world: World;
  let connection: amqp.ChannelModel;
  let channel: amqp.ConfirmChannel;
  let names: AmqpNames;

  beforeAll(async () => {
    await fx.start();
    world = await fx.createWorld();
    names = new AmqpNames(fx.namespace);
    connection = await amqp.connect(testAmqpUrl());
    channel = await connection.createConfirmChannel();
  });

  afterAll(async () => {
    await channel?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await fx.stop();
  });

  const issued = (email: string): InvitesIssuedPayload => ({
    hubId: world.hub.id,
    hubName: world.hub.name,
    tenancyId: world.tenancy.id,
    inviterAccountId: world.tenantAdmin.accountId,
    inviterName: world.tenantAdmin.displayName,
    userType: 'TEAM_MEMBER',
    invites: [
      { inviteId: randomUUID(), email, acceptUrl: 'https://x.example/invite?t=1', expiresAt: '2030-01-01T00:00:00Z' },
    ],
  });

  async function publish(name: string, data: unknown): Promise<void> {
    channel.publish(names.eventsExchange, name, Buffer.from(JSON.stringify({ pattern: name, data })), {
      persistent: true,
      contentType: 'application/json',
    });
    await channel.waitForConfirms();
  }

  const envelope = (payload: unknown) => ({
    id: randomUUID(),
    name: INVITE_EVENTS.CREATED,
    occurredAt: new Date().toISOString(),
    correlationId: null,
    payload,
  });

  it('records a valid event, and dead-letters a malformed one without writing a row', async () => {
    // Nothing the audit table would refuse: only the contract does (userType is not a user type).
    const bad = envelope({ ...issued('bad@example.com'), userType: 'ADMIN' });
    await publish(INVITE_EVENTS.CREATED, bad);
    const deadQueue = names.deadLetterQueue(names.eventsQueue('hub'));
    let dead: amqp.GetMessage | false = false;
    await eventually(async () => (dead = await channel.get(deadQueue, { noAck: true })) !== false, 'the dead letter');
    expect(JSON.parse((dead as unknown as amqp.GetMessage).content.toString())).toEqual({
      pattern: INVITE_EVENTS.CREATED,
      data: bad,
    });

    // A good event after it is recorded: and the bad one, handled before it, wrote nothing.
    await publish(INVITE_EVENTS.CREATED, envelope(issued('good@example.com')));
    await eventually(
      async () => (await fx.auditRows(world.hub.id)).some((r) => r.subject === 'good@example.com'),
      'the audit row',
    );
    const subjects = (await fx.auditRows(world.hub.id)).map((r) => r.subject);
    expect(subjects).not.toContain('bad@example.com');
  });
});
