import { Controller, Module } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { ERROR_CODES, EventEnvelope, RpcPattern, DomainError } from '@gatehouse/contracts';
import { ATTEMPTS_HEADER, AmqpNames, DeadLetterQueues, RetryPolicy, RpcClient } from '@gatehouse/messaging';
import * as amqp from 'amqplib';
import { newNamespace, testAmqpUrl } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { BrokerProbe, eventually, openProbeRig } from './messaging-test-kit';

/** Handling attempts seen, by event id or request marker. */
const attempts = new Map<string, number>();
const handled: string[] = [];
const countAttempt = (key: string) => {
  const count = (attempts.get(key) ?? 0) + 1;
  attempts.set(key, count);
  return count;
};

/** What pg throws when PostgreSQL terminates the connection (admin shutdown, failover). */
const connectionKilled = () =>
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });

const FLAKY_EVENT = 'test.thing.flaky';
const DOWN_EVENT = 'test.thing.down';
const BROKEN_EVENT = 'test.thing.broken';
const FLAKY_REQUEST = 'hub.probe.flaky' as RpcPattern;

@Controller()
class ProbeController {
  /** Fails twice like a database failover would, then works. */
  @EventPattern(FLAKY_EVENT)
  onFlaky(@Payload() event: EventEnvelope) {
    if (countAttempt(event.id) <= 2) throw connectionKilled();
    handled.push(event.id);
  }

  /** Another service never answers. */
  @EventPattern(DOWN_EVENT)
  onDown(@Payload() event: EventEnvelope) {
    countAttempt(event.id);
    throw new DomainError(ERROR_CODES.RPC_UNAVAILABLE, 'The hub service cannot be reached.');
  }

  @EventPattern(BROKEN_EVENT)
  onBroken(@Payload() event: EventEnvelope) {
    countAttempt(event.id);
    throw new TypeError("Cannot read properties of undefined (reading 'id')");
  }

  @MessagePattern(FLAKY_REQUEST)
  flakyRequest(@Payload() request: { marker: string }) {
    countAttempt(request.marker);
    throw connectionKilled();
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('transient failures are retried with back-off, not dead-lettered', () => {
  const names = new AmqpNames(newNamespace('retry'));
  const eventsQueue = names.eventsQueue('hub');
  const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 };
  let rig: Awaited<ReturnType<typeof openProbeRig>>;
  let broker: BrokerProbe;
  let rpc: RpcClient;
  const deadLetters: Awaited<ReturnType<BrokerProbe['drain']>> = [];
  const drainDeadLetters = async () => {
    deadLetters.push(...(await broker.drain(names.deadLetterQueue(eventsQueue))));
    return deadLetters;
  };

  beforeAll(async () => {
    rig = await openProbeRig(ProbeModule, names, { service: 'hub', consumes: ['test.#'] }, policy);
    ({ broker, rpc } = rig);
  });
  afterAll(() => rig?.close());

  it('an event whose handler loses its database connection twice is handled on the third attempt, after a back-off', async () => {
    const started = Date.now();
    const event = broker.publishEvent(names, FLAKY_EVENT, {});
    await eventually(() => handled.includes(event.id), 'the flaky event to be handled');

    expect(attempts.get(event.id)).toBe(3);
    // Back-off of 100 ms, then 200 ms before the third attempt.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(handled.filter((id) => id === event.id)).toHaveLength(1);
    expect((await drainDeadLetters()).map((m) => JSON.parse(m.content.toString()).data.id)).not.toContain(event.id);
  });

  it('an event that keeps failing transiently is dead-lettered once its attempts are spent, with the count', async () => {
    const event = broker.publishEvent(names, DOWN_EVENT, {});
    await eventually(
      async () => (await drainDeadLetters()).some((m) => JSON.parse(m.content.toString()).data.id === event.id),
      'the event in the dead-letter queue',
    );
    expect(attempts.get(event.id)).toBe(policy.maxAttempts);
    const dead = deadLetters.find((m) => JSON.parse(m.content.toString()).data.id === event.id)!;
    expect(dead.properties.headers?.[ATTEMPTS_HEADER]).toBe(policy.maxAttempts - 1);
    expect(dead.fields.routingKey).toBe(eventsQueue);
  });

  it('an event that fails permanently (a bug) is dead-lettered at once, not retried', async () => {
    const event = broker.publishEvent(names, BROKEN_EVENT, {});
    await eventually(
      async () => (await drainDeadLetters()).some((m) => JSON.parse(m.content.toString()).data.id === event.id),
      'the event in the dead-letter queue',
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(attempts.get(event.id)).toBe(1);
  });

  it('a request that fails transiently is answered once with RPC.UNAVAILABLE (the caller may retry), never replayed nor dead-lettered', async () => {
    const marker = randomUUID();
    const error = await rpc.call(FLAKY_REQUEST, { marker } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(attempts.get(marker)).toBe(1);
    // Nor parked for an operator: the caller had its answer and may simply ask again.
    expect(await broker.drain(names.deadLetterQueue(names.rpcQueue('hub')))).toEqual([]);
  });

  it('the dlq tool lists a dead letter, replays it to its queue with fresh attempts, and discards', async () => {
    const connection = await amqp.connect(testAmqpUrl());
    const dlq = await DeadLetterQueues.open(connection, names);
    try {
      const deadQueue = dlq.resolve('hub.events');
      expect(deadQueue).toBe(names.deadLetterQueue(eventsQueue));
      await drainDeadLetters();
      const event = broker.publishEvent(names, BROKEN_EVENT, {});
      await eventually(async () => (await broker.messageCount(deadQueue)) === 1, 'the event in the dead-letter queue');

      expect(await dlq.peek(deadQueue)).toEqual([
        expect.objectContaining({ pattern: BROKEN_EVENT, messageId: event.id, queue: eventsQueue, isRequest: false }),
      ]);
      expect((await dlq.counts())[deadQueue]).toBe(1);

      await expect(dlq.replay(deadQueue)).resolves.toEqual({ replayed: 1, keptRequests: 0 });
      await eventually(() => attempts.get(event.id) === 2, 'the replayed event to be handled again');
      await eventually(async () => (await broker.messageCount(deadQueue)) === 1, 'the event dead-lettered again');

      await expect(dlq.discard(deadQueue)).resolves.toBe(1);
      expect(await broker.messageCount(deadQueue)).toBe(0);
    } finally {
      await dlq.close();
      await connection.close();
    }
  });
});
