import { Controller, INestApplication, Module } from '@nestjs/common';
import { EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { ERROR_CODES, EventEnvelope, RpcPattern, DomainError } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { deleteNamespace, newNamespace, testRpcClient } from '@gatehouse/testing';
import { IsUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { BrokerProbe, eventually, startProbeService } from './messaging-test-kit';

/** What the probe's handlers saw, by event id or request marker. */
const seen = { failing: [] as string[], fine: [] as string[], requests: [] as string[] };

const EVENT_THAT_FAILS = 'test.thing.broke';
const EVENT_THAT_WORKS = 'test.thing.happened';
/** Request patterns of the probe: served on the "hub" RPC queue of the test namespace. */
const REFUSING_REQUEST = 'hub.probe.refuse' as RpcPattern;
const CRASHING_REQUEST = 'hub.probe.crash' as RpcPattern;
const ECHO_REQUEST = 'hub.probe.echo' as RpcPattern;
const VALIDATED_REQUEST = 'hub.probe.validated' as RpcPattern;

class ProbeRequest {
  @IsUUID()
  marker!: string;
}

@Controller()
class ProbeController {
  @EventPattern(EVENT_THAT_FAILS)
  onFailing(@Payload() event: EventEnvelope) {
    seen.failing.push(event.id);
    throw new Error('the handler has a bug');
  }

  @EventPattern(EVENT_THAT_WORKS)
  async onFine(@Payload() event: EventEnvelope) {
    seen.fine.push(event.id);
  }

  @MessagePattern(REFUSING_REQUEST)
  refuse(@Payload() request: { marker: string }) {
    seen.requests.push(request.marker);
    throw new DomainError('PROBE.REFUSED', 'The probe says no, and says why.', { marker: request.marker });
  }

  @MessagePattern(CRASHING_REQUEST)
  async crash(@Payload() request: { marker: string }) {
    seen.requests.push(request.marker);
    throw new Error('connection string postgres://secret@db leaked into a message');
  }

  @MessagePattern(VALIDATED_REQUEST)
  validated(@Payload() request: ProbeRequest) {
    return { valid: request instanceof ProbeRequest };
  }

  @MessagePattern(ECHO_REQUEST)
  echo(@Payload() request: { marker: string }) {
    return { echoed: request.marker };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

describe('failing handlers: dead-lettering and RPC errors', () => {
  const names = new AmqpNames(newNamespace('dlq'));
  const eventsQueue = names.eventsQueue('hub');
  const rpcQueue = names.rpcQueue('hub');
  let app: INestApplication;
  let broker: BrokerProbe;
  let rpc: RpcClient;

  beforeAll(async () => {
    app = await startProbeService(ProbeModule, names, { service: 'hub', consumes: ['test.#'] });
    broker = await BrokerProbe.open();
    rpc = testRpcClient(names.namespace);
  });
  afterAll(async () => {
    await rpc?.close();
    await broker?.close();
    await app?.close();
    await deleteNamespace(names.namespace);
  });

  /** Sends `request` on `pattern`; returns what the caller gets back, value or error. */
  const outcomeOf = (pattern: RpcPattern, request: object) =>
    rpc.call(pattern, request as never).catch((e: unknown) => e);

  it('an event whose handler throws lands once in the dead-letter queue, handled once, not requeued', async () => {
    const failing = broker.publishEvent(names, EVENT_THAT_FAILS, { about: 'poison' });

    const dead: Awaited<ReturnType<BrokerProbe['drain']>> = [];
    await eventually(async () => {
      dead.push(...(await broker.drain(names.deadLetterQueue(eventsQueue))));
      return dead.length > 0;
    }, 'the event in the dead-letter queue');

    // An event published after it is handled: had the failing one been requeued, it would have run again
    // (and again) by now, and it would not be in the dead-letter queue.
    const later = broker.publishEvent(names, EVENT_THAT_WORKS, { about: 'fine' });
    await eventually(() => seen.fine.includes(later.id), 'the later event to be handled');

    expect(seen.failing).toEqual([failing.id]);
    dead.push(...(await broker.drain(names.deadLetterQueue(eventsQueue))));
    expect(dead).toHaveLength(1);
    const [message] = dead;
    expect(JSON.parse(message.content.toString())).toMatchObject({
      pattern: EVENT_THAT_FAILS,
      data: { id: failing.id },
    });
    expect(message.properties.headers?.['x-death']).toEqual([
      expect.objectContaining({ queue: eventsQueue, reason: 'rejected', count: 1 }),
    ]);
    expect(await broker.messageCount(eventsQueue)).toBe(0);
  });

  it('an event nobody handles is dead-lettered too, not dropped', async () => {
    const orphan = broker.publishEvent(names, 'test.thing.unheard-of', {});
    const dead: Awaited<ReturnType<BrokerProbe['drain']>> = [];
    await eventually(async () => {
      dead.push(...(await broker.drain(names.deadLetterQueue(eventsQueue))));
      return dead.length > 0;
    }, 'the unhandled event in the dead-letter queue');
    expect(dead.map((m) => JSON.parse(m.content.toString()).data.id)).toEqual([orphan.id]);
  });

  it('a request refused with a domain error: the caller gets the same code, message and details; nothing is dead-lettered', async () => {
    const marker = randomUUID();
    const error = await outcomeOf(REFUSING_REQUEST, { marker });

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'PROBE.REFUSED',
      message: 'The probe says no, and says why.',
      details: { marker },
    });
    expect(seen.requests.filter((m) => m === marker)).toHaveLength(1);

    // A request after it is answered normally, and the refused one is in no dead-letter queue.
    await expect(rpc.call(ECHO_REQUEST, { marker } as never)).resolves.toEqual({ echoed: marker });
    expect(await broker.drain(names.deadLetterQueue(rpcQueue))).toEqual([]);
    expect(await broker.messageCount(rpcQueue)).toBe(0);
  });

  it('a request with an invalid payload gets VALIDATION.FAILED naming the field, and is not dead-lettered', async () => {
    const error = await outcomeOf(VALIDATED_REQUEST, { marker: 'not-a-uuid', extra: true });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ERROR_CODES.VALIDATION_FAILED });
    expect((error as DomainError).message).toMatch(/marker must be a UUID/);
    expect((error as DomainError).message).toMatch(/extra/);
    await expect(rpc.call(VALIDATED_REQUEST, { marker: randomUUID() } as never)).resolves.toEqual({ valid: true });
    expect(await broker.drain(names.deadLetterQueue(rpcQueue))).toEqual([]);
  });

  it('a request whose handler crashes gets INTERNAL, without the internals', async () => {
    const marker = randomUUID();
    const error = await outcomeOf(CRASHING_REQUEST, { marker });

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: ERROR_CODES.INTERNAL, message: expect.stringMatching(/unexpectedly/) });
    expect(JSON.stringify(error)).not.toContain('secret');
    expect((error as DomainError).message).not.toContain('secret');
    expect(seen.requests.filter((m) => m === marker)).toHaveLength(1);

    // Unlike a refusal, a crash is a bug: the request is kept in the dead-letter queue for inspection.
    const dead: Awaited<ReturnType<BrokerProbe['drain']>> = [];
    await eventually(async () => {
      dead.push(...(await broker.drain(names.deadLetterQueue(rpcQueue))));
      return dead.length > 0;
    }, 'the crashed request in the dead-letter queue');
    expect(dead.map((m) => JSON.parse(m.content.toString()).data)).toEqual([{ marker }]);
  });
});
