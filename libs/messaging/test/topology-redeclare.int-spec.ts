import { AmqpNames, BrokerConnection, assertTopology } from '@gatehouse/messaging';
import { deleteNamespace, newNamespace, testAmqpUrl } from '@gatehouse/testing';
import * as amqp from 'amqplib';
import { BrokerProbe, eventually } from './messaging-test-kit';

describe('topology declared again on every broker connection', () => {
  const names = new AmqpNames(newNamespace('redeclare'));
  const topology = { service: 'notification' as const, consumes: ['test.thing.*'] };
  const broker = new BrokerConnection(testAmqpUrl());
  let probe: BrokerProbe;

  beforeAll(async () => {
    broker.onConnect(async (connection) => {
      const channel = await connection.createChannel();
      await assertTopology(channel, names, topology);
      await channel.close();
    });
    probe = await BrokerProbe.open();
  });
  afterAll(async () => {
    await broker.close();
    await probe?.close();
    await deleteNamespace(names.namespace);
  });

  it('a broker that lost the queue and its binding gets them back when the connection is made again', async () => {
    const connection = await broker.connect();
    const queue = names.eventsQueue('notification');
    await probe.channel.deleteQueue(queue);

    // The connection drops (a broker restart) and is made again on next use.
    await connection.close();
    await eventually(async () => (await broker.connect()) !== connection, 'a new connection');

    // The queue is back, bound: an event published now lands in it.
    probe.publishEvent(names, 'test.thing.happened', {});
    await eventually(async () => (await probe.messageCount(queue)) === 1, 'the event in the re-declared queue');
  });

  it('declares them again on its own when the connection drops, though nothing uses the connection', async () => {
    const connection = await broker.connect();
    const queue = names.eventsQueue('notification');
    await probe.channel.deleteQueue(queue);

    // The connection drops; nobody calls connect() (a service with nothing to publish).
    await connection.close();
    const lookout = await amqp.connect(testAmqpUrl());
    const queueIsBound = async () => {
      // A channel per look: asking for a queue that is not there closes the channel.
      // Its own connection: broker.connect() would make the connection again itself.
      const channel = await lookout.createConfirmChannel();
      channel.on('error', () => undefined);
      try {
        let returned = false;
        channel.on('return', () => (returned = true));
        channel.publish(names.eventsExchange, 'test.thing.noticed', Buffer.from('{}'), { mandatory: true });
        await channel.waitForConfirms();
        await channel.close();
        return !returned;
      } catch {
        return false;
      }
    };
    try {
      await eventually(queueIsBound, 'the queue declared and bound again without a call', 15_000);
    } finally {
      await lookout.close();
    }
  });
});
