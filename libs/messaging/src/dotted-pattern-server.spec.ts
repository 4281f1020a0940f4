import { ServerRMQ } from '@nestjs/microservices';
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
