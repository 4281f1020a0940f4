import { RmqContext, ServerRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { DottedPatternServerRMQ } from './dotted-pattern-server';

const options = { urls: ['amqp://127.0.0.1'], queue: 'q' };
const routeOf = (server: ServerRMQ, pattern: string): string =>
  (server as unknown as { getRouteFromPattern(p: string): string }).getRouteFromPattern(pattern);

describe('DottedPatternServerRMQ', () => {
  const ours = new DottedPatternServerRMQ(options);
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

describe('DottedPatternServerRMQ replies', () => {
  it('publishes the reply as Nest does, on the request channel, in one corked socket write', async () => {
    const socket = { cork: jest.fn(), uncork: jest.fn() };
    const channel = { sendToQueue: jest.fn(), connection: { stream: socket } };
    const context = new RmqContext([{ properties: {} }, channel, 'hub.membership.get']);
    new DottedPatternServerRMQ(options).sendMessage(
      { id: 'call-1', response: { ok: true } },
      'reply-q',
      'corr-1',
      context,
    );

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
    const client = new DottedPatternServerRMQ(options).createClient<AmqpConnectionManager>();
    try {
      const channel = client.createChannel({ json: false, confirm: true });
      expect((channel as unknown as { _confirm: boolean })._confirm).toBe(false);
      await channel.close();
    } finally {
      await client.close();
    }
  });
});
