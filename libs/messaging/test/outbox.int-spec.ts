import {
  AmqpNames,
  BrokerConnection,
  OutboxRelay,
  OutboxWriter,
  UntypedEvent,
  outboxChannel,
  outboxTablesSql,
} from '@gatehouse/messaging';
import { EventSpy, deleteNamespace, newNamespace, testAmqpUrl, testDatabaseUrl } from '@gatehouse/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { eventually } from './messaging-test-kit';

/**
 * The transactional outbox on its own: a throwaway schema with the outbox tables, a plain TypeORM
 * DataSource, a writer, a relay and a spy on the events exchange.
 */
describe('transactional outbox', () => {
  const schema = `outbox_test_${randomBytes(4).toString('hex')}`;
  const names = new AmqpNames(newNamespace('outbox'));
  const dataSource = new DataSource({ type: 'postgres', url: testDatabaseUrl(), extra: { max: 5 } });
  const broker = new BrokerConnection(testAmqpUrl());
  const writer = new OutboxWriter<UntypedEvent>(schema);
  const relays: OutboxRelay[] = [];
  let spy: EventSpy;

  const newRelay = () => {
    // A slow poll: the relay has to be woken by the commit (LISTEN/NOTIFY), not find the rows by chance.
    const relay = new OutboxRelay(dataSource, testDatabaseUrl(), schema, broker, names, { pollIntervalMs: 60000 });
    relays.push(relay);
    return relay;
  };

  beforeAll(async () => {
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    for (const sql of outboxTablesSql(schema)) await dataSource.query(sql);
    const channel = await (await broker.connect()).createChannel();
    await channel.assertExchange(names.eventsExchange, 'topic', { durable: true });
    await channel.close();
    spy = await EventSpy.start(names.namespace);
    await newRelay().start();
  });

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await spy?.stop();
    await broker.close();
    await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await dataSource.destroy();
    await deleteNamespace(names.namespace);
  });

  /** Commits one event in a transaction of its own; returns its outbox id. */
  async function commitEvent(name: string, payload: object): Promise<string> {
    const [id] = await dataSource.transaction((manager) => writer.add(manager, { name, payload }));
    return id;
  }
  const outboxRow = async (id: string) =>
    (await dataSource.query(`SELECT sent_at FROM "${schema}".outbox WHERE id = $1`, [id]))[0] as
      { sent_at: Date | null } | undefined;
  /**
   * Waits until every committed event has reached the spy: once all rows are marked sent (the broker
   * confirmed them), an event committed after them is queued behind them, so when it arrives they have too.
   */
  async function flush(): Promise<void> {
    await eventually(async () => {
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM "${schema}".outbox WHERE sent_at IS NULL`,
      );
      return count === 0;
    });
    const marker = randomUUID();
    const markerId = await commitEvent('test.marker.committed', { marker });
    await eventually(() =>
      spy.named<{ marker: string }>('test.marker.committed').some((e) => e.payload.marker === marker),
    );
    // The spy can see the marker a moment before the relay commits it as sent.
    await eventually(async () => (await outboxRow(markerId))?.sent_at != null, 'the marker marked sent');
  }

  it('publishes an event written in a committed transaction exactly once, and marks it sent', async () => {
    const payload = { orderId: randomUUID(), lines: [1, 2, 3], note: 'ünïcødé' };
    const id = await dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1'); // the state change the event announces would go here
      const [eventId] = await writer.add(manager, { name: 'test.order.placed', payload }, 'corr-123');
      return eventId;
    });

    const [event] = await spy.waitFor('test.order.placed');
    expect(event).toMatchObject({ id, name: 'test.order.placed', correlationId: 'corr-123', payload });
    expect(new Date(event.occurredAt).toISOString()).toBe(event.occurredAt);
    await eventually(async () => (await outboxRow(id))?.sent_at instanceof Date);

    await flush();
    expect(spy.named('test.order.placed')).toHaveLength(1);
  });

  it('never publishes an event whose transaction rolled back, and keeps no row of it', async () => {
    const marker = randomUUID();
    let writtenId: string | undefined;
    await expect(
      dataSource.transaction(async (manager) => {
        [writtenId] = await writer.add(manager, { name: 'test.order.cancelled', payload: { marker } });
        throw new Error('the state change failed after the event was written');
      }),
    ).rejects.toThrow('the state change failed');

    expect(writtenId).toBeDefined();
    expect(await outboxRow(writtenId!)).toBeUndefined();
    await flush();
    expect(spy.named('test.order.cancelled')).toEqual([]);
  });

  it('publishes several events of one transaction in the order they were written', async () => {
    const batch = randomUUID();
    await dataSource.transaction((manager) =>
      writer.add(
        manager,
        [1, 2, 3].map((n) => ({ name: 'test.step.done', payload: { batch, n } })),
      ),
    );
    await flush();
    const steps = spy.named<{ batch: string; n: number }>('test.step.done').filter((e) => e.payload.batch === batch);
    expect(steps.map((e) => e.payload.n)).toEqual([1, 2, 3]);
  });

  it('leaves nothing behind: a second pass finds nothing to send', async () => {
    await flush();
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM "${schema}".outbox WHERE sent_at IS NULL`,
    );
    expect(count).toBe(0);
    expect(await newRelay().relayPending()).toBe(0);
  });

  it('two relays on one outbox publish every event exactly once between them', async () => {
    await newRelay().start();
    const run = randomUUID();
    await Promise.all(Array.from({ length: 40 }, (_, n) => commitEvent('test.parallel.done', { run, n })));
    await flush();
    const seen = spy.named<{ run: string; n: number }>('test.parallel.done').filter((e) => e.payload.run === run);
    expect(seen.map((e) => e.payload.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it('after its LISTEN connection is terminated, the relay listens again and is woken by the next commit', async () => {
    const listeners = await dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query = $1`,
      [`LISTEN "${outboxChannel(schema)}"`],
    );
    expect(listeners.length).toBeGreaterThan(0);
    await eventually(() => !relays[0].listening, 'the relay to notice the lost connection');
    await eventually(() => relays[0].listening, 'the relay to listen again');

    // The poll is a minute away: only NOTIFY can bring this event out in time.
    const payload = { after: 'reconnect', marker: randomUUID() };
    await commitEvent('test.after.reconnect', payload);
    await eventually(
      () => spy.named<{ marker: string }>('test.after.reconnect').some((e) => e.payload.marker === payload.marker),
      'the event committed after the reconnection',
      5000,
    );
  });
});
