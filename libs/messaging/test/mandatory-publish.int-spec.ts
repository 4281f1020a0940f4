import {
  AmqpNames,
  BrokerConnection,
  OutboxRelay,
  OutboxWriter,
  UntypedEvent,
  assertTopology,
  outboxTablesSql,
} from '@gatehouse/messaging';
import { deleteNamespace, newNamespace, testAmqpUrl, testDatabaseUrl } from '@gatehouse/testing';
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { BrokerProbe, eventually } from './messaging-test-kit';

/**
 * The outbox publishes mandatory: an event no queue is bound for (a broker that lost its bindings, a
 * consumer not declared yet) is returned by the broker, stays unsent and is counted — and goes out once
 * a queue is bound. Events nobody consumes by design are routable through events.unconsumed.
 */
describe('outbox relay: mandatory publish', () => {
  const schema = `mandatory_test_${randomBytes(4).toString('hex')}`;
  const names = new AmqpNames(newNamespace('mandatory'));
  const dataSource = new DataSource({ type: 'postgres', url: testDatabaseUrl(), extra: { max: 5 } });
  const broker = new BrokerConnection(testAmqpUrl());
  const writer = new OutboxWriter<UntypedEvent>(schema);
  const metrics = new Registry();
  const relay = new OutboxRelay(dataSource, testDatabaseUrl(), schema, broker, names, {
    pollIntervalMs: 200,
    unroutableRetryMs: 100,
  });
  let probe: BrokerProbe;

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    for (const sql of outboxTablesSql(schema)) await dataSource.query(sql);
    probe = await BrokerProbe.open();
    // The hub's topology: it consumes test.consumed.*, and test.nobody.cares has no consumer by design.
    await assertTopology(probe.channel, names, {
      service: 'hub',
      consumes: ['test.consumed.*'],
      unconsumed: ['test.nobody.cares'],
    });
    relay.useMetrics(metrics);
    await relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await probe?.close();
    await broker.close();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
    await deleteNamespace(names.namespace);
  });

  const commitEvent = async (name: string) =>
    (await dataSource.transaction((manager) => writer.add(manager, { name, payload: {} })))[0];
  const sentAt = async (id: string) =>
    (
      (await dataSource.query(`SELECT sent_at FROM "${schema}".outbox WHERE id = $1`, [id]))[0] as {
        sent_at: Date | null;
      }
    ).sent_at;
  const unroutableCount = async (event: string) =>
    (await metrics.getSingleMetric('gatehouse_outbox_unroutable_total')!.get()).values.find(
      (value) => value.labels.event === event,
    )?.value ?? 0;

  it('leaves an event no queue is bound for unsent, counts it, and sends it once a queue is bound', async () => {
    const lost = await commitEvent('test.lost.binding');
    const routed = await commitEvent('test.consumed.thing');

    // The routable one goes out; the other comes back from the broker, again and again, and stays unsent.
    await eventually(async () => (await sentAt(routed)) !== null, 'the routable event to be sent');
    await eventually(async () => (await unroutableCount('test.lost.binding')) >= 2, 'the return to be counted twice');
    expect(await sentAt(lost)).toBeNull();
    expect(await probe.messageCount(names.eventsQueue('hub'))).toBe(1);

    // Its consumer's binding appears (the consumer declared its topology again): the event goes out.
    await probe.channel.bindQueue(names.eventsQueue('hub'), names.eventsExchange, 'test.lost.*');
    await eventually(async () => (await sentAt(lost)) !== null, 'the event to be sent once routable', 15_000);
    expect(await probe.messageCount(names.eventsQueue('hub'))).toBe(2);
  });

  it('sends an event nobody consumes by design to events.unconsumed, marked sent', async () => {
    const id = await commitEvent('test.nobody.cares');
    await eventually(async () => (await sentAt(id)) !== null, 'the unconsumed event to be sent');
    expect(await probe.messageCount(names.unconsumedEventsQueue)).toBe(1);
    expect(await unroutableCount('test.nobody.cares')).toBe(0);
  });

  it('marks the events sent in a recent window unsent again (the broker lost its queues), and sends them again', async () => {
    const id = await commitEvent('test.consumed.again');
    await eventually(async () => (await sentAt(id)) !== null, 'the event to be sent');
    const before = await probe.messageCount(names.eventsQueue('hub'));

    expect(await relay.replaySentSince(60_000)).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await probe.messageCount(names.eventsQueue('hub'))) > before, 'the event again');
    await eventually(async () => (await sentAt(id)) !== null, 'the event marked sent again');
    // Older than the window: left alone.
    await dataSource.query(`UPDATE "${schema}".outbox SET sent_at = now() - interval '1 hour'`);
    expect(await relay.replaySentSince(60_000)).toBe(0);
  });
});
