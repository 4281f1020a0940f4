import { DomainError } from '@gatehouse/contracts';
import { RmqContext, ServerRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import type { Channel } from 'amqplib';
import { throwError } from 'rxjs';
import { ConsumerDrain } from './consumer-drain';
import { currentCorrelationId } from './correlation';
import { GatehouseServerRMQ } from './gatehouse-server-rmq';
import { keepHandlerError } from './handler-errors';
import { MessageSettlement } from './message-settlement';
import { AmqpNames } from './topology';

const options = { urls: ['amqp://127.0.0.1'], queue: 'q' };
const names = new AmqpNames('spec');
const newServer = (drain?: ConsumerDrain) =>
  new GatehouseServerRMQ(options, new MessageSettlement({ names, eventsQueue: 'spec.events', drain }));
const routeOf = (server: ServerRMQ, pattern: string): string =>
  (server as unknown as { getRouteFromPattern(p: string): string }).getRouteFromPattern(pattern);

describe('GatehouseServerRMQ', () => {
  const ours = newServer();
  const nest = new ServerRMQ(options);

  it.each(['hub.membership.get', 'invite.account.lookup', 'a.b', '{"cmd":"x"}', '42', 'plain', '"quoted.name"'])(
    'routes %p as Nest does',
    (pattern) => {
      expect(routeOf(ours, pattern)).toBe(routeOf(nest, pattern));
    },
  );

  it('does not try JSON on a dotted name', () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      routeOf(ours, 'hub.membership.get');
      expect(parse).not.toHaveBeenCalled();
      routeOf(ours, '{"cmd":"x"}');
      expect(parse).toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('GatehouseServerRMQ replies', () => {
  it('publishes the reply as Nest does, on the request channel, in one corked socket write', async () => {
    const socket = { cork: jest.fn(), uncork: jest.fn() };
    const channel = { sendToQueue: jest.fn(), connection: { stream: socket } };
    const context = new RmqContext([{ properties: {} }, channel, 'hub.membership.get']);
    newServer().sendMessage({ id: 'call-1', response: { ok: true } }, 'reply-q', 'corr-1', context);

    expect(channel.sendToQueue).toHaveBeenCalledTimes(1);
    const [queue, body, properties] = channel.sendToQueue.mock.calls[0];
    expect(queue).toBe('reply-q');
    expect(JSON.parse((body as Buffer).toString())).toEqual({ id: 'call-1', response: { ok: true } });
    expect(properties).toEqual({ correlationId: 'corr-1' });
    expect(socket.cork).toHaveBeenCalledTimes(1);
    expect(socket.uncork).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
    expect(socket.uncork).toHaveBeenCalledTimes(1);
  });

  it('opens its consuming channels without publisher confirms', async () => {
    const client = newServer().createClient<AmqpConnectionManager>();
    try {
      const channel = client.createChannel({ json: false, confirm: true });
      expect((channel as unknown as { _confirm: boolean })._confirm).toBe(false);
      await channel.close();
    } finally {
      await client.close();
    }
  });
});

/** A channel that records what the server did with each message, in order. */
function recordingChannel() {
  const calls: string[] = [];
  const channel = {
    ack: jest.fn(() => calls.push('ack')),
    nack: jest.fn((_m: unknown, _all: boolean, requeue: boolean) => calls.push(requeue ? 'requeue' : 'dead-letter')),
    sendToQueue: jest.fn((queue: string) => calls.push(`publish ${queue}`)),
  };
  return { calls, channel: channel as unknown as Channel };
}

const delivery = (body: object, properties: object = {}) => ({
  content: Buffer.from(JSON.stringify(body)),
  fields: {},
  properties: { headers: { 'x-correlation-id': 'corr-from-header' }, ...properties },
});

/** As Nest's context creator does with RpcErrorFilter: the raw error kept, the reply's error returned. */
const failingWith = (error: unknown) => async (_data: unknown, context: RmqContext) => {
  keepHandlerError(context.getMessage() as object, error);
  return throwError(() => ({ code: 'X', message: 'x', details: {} }));
};

const settledTurns = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('GatehouseServerRMQ settles every message', () => {
  it('acks a handled event, running its handler under the correlation id of the message', async () => {
    const server = newServer();
    let seenCorrelation: string | null = null;
    server.addHandler('spec.thing.happened', async () => void (seenCorrelation = currentCorrelationId()), true);
    const { calls, channel } = recordingChannel();

    await server.handleMessage(delivery({ pattern: 'spec.thing.happened', data: {} }), channel);

    expect(calls).toEqual(['ack']);
    expect(seenCorrelation).toBe('corr-from-header');
  });

  it('puts an event that failed transiently in its retry queue, then acks it', async () => {
    const server = newServer();
    server.addHandler('spec.thing.happened', failingWith(Object.assign(new Error('x'), { code: 'ECONNRESET' })), true);
    const { calls, channel } = recordingChannel();

    await server.handleMessage(delivery({ pattern: 'spec.thing.happened', data: {} }), channel);

    expect(calls).toEqual([`publish ${names.retryQueue('spec.events', 1000)}`, 'ack']);
  });

  it('dead-letters an event whose handler has a bug, and one nobody handles', async () => {
    const server = newServer();
    server.addHandler('spec.thing.broke', failingWith(new Error('a bug')), true);
    const { calls, channel } = recordingChannel();

    await server.handleMessage(delivery({ pattern: 'spec.thing.broke', data: {} }), channel);
    await server.handleMessage(delivery({ pattern: 'spec.thing.unheard-of', data: {} }), channel);

    expect(calls).toEqual(['dead-letter', 'dead-letter']);
  });

  it('acks an answered request before its reply, in the same turn', async () => {
    const server = newServer();
    server.addHandler('spec.probe.echo', async (data: unknown) => data, false);
    const { calls, channel } = recordingChannel();

    await server.handleMessage(
      delivery(
        { pattern: 'spec.probe.echo', data: { a: 1 }, id: 'call-1' },
        { replyTo: 'reply-q', correlationId: 'c1' },
      ),
      channel,
    );
    await settledTurns();

    expect(calls).toEqual(['ack', 'publish reply-q']);
  });

  it('acks a request refused with a domain error; dead-letters one whose handler crashed; both are answered', async () => {
    const server = newServer();
    server.addHandler('spec.probe.refuse', failingWith(new DomainError('PROBE.REFUSED', 'No.')), false);
    server.addHandler('spec.probe.crash', failingWith(new Error('a bug')), false);
    const { calls, channel } = recordingChannel();

    await server.handleMessage(
      delivery({ pattern: 'spec.probe.refuse', data: {}, id: '1' }, { replyTo: 'reply-q' }),
      channel,
    );
    await settledTurns();
    await server.handleMessage(
      delivery({ pattern: 'spec.probe.crash', data: {}, id: '2' }, { replyTo: 'reply-q' }),
      channel,
    );
    await settledTurns();

    expect(calls).toEqual(['ack', 'publish reply-q', 'dead-letter', 'publish reply-q']);
  });

  it('survives a channel that closed while the handler ran: nothing thrown, the message left to the broker, the drain released', async () => {
    const drain = new ConsumerDrain(10_000);
    const server = newServer(drain);
    server.addHandler('spec.probe.echo', async (data: unknown) => data, false);
    server.addHandler('spec.thing.happened', failingWith(Object.assign(new Error('x'), { code: 'ECONNRESET' })), true);
    const closed = () => {
      throw new Error('Channel closed');
    };
    const channel = { ack: closed, nack: closed, sendToQueue: closed } as unknown as Channel;
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await server.handleMessage(
        delivery({ pattern: 'spec.probe.echo', data: {}, id: '1' }, { replyTo: 'reply-q' }),
        channel,
      );
      await server.handleMessage(delivery({ pattern: 'spec.thing.happened', data: {} }), channel);
      await settledTurns();

      expect(unhandled).not.toHaveBeenCalled();
      await drain.drain(); // at once: both messages count as settled (a leak would wait 10 s)
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
