import { Controller, Module } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, RmqContext } from '@nestjs/microservices';
import { ERROR_CODES, RpcPattern, DomainError } from '@gatehouse/contracts';
import { AmqpNames, CORRELATION_HEADER, RpcClient, runWithCorrelationId } from '@gatehouse/messaging';
import { newNamespace, testAmqpUrl } from '@gatehouse/testing';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { execFileSync } from 'node:child_process';
import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';
import { eventually, openProbeRig } from './messaging-test-kit';

const ECHO = 'hub.probe.echo' as RpcPattern;
const REFUSE = 'hub.probe.refuse' as RpcPattern;
/** Answers after 4.5 s, just inside the client's 5 s timeout: a call still waiting when the connection goes. */
const SLOW = 'hub.probe.slow' as RpcPattern;

@Controller()
class EchoController {
  /** Answers with what the request carried, as the Nest server saw it. */
  @MessagePattern(ECHO)
  echo(@Payload() data: unknown, @Ctx() context: RmqContext) {
    const { properties } = context.getMessage() as { properties: Record<string, unknown> };
    return { data, properties };
  }

  @MessagePattern(SLOW)
  async slow() {
    await new Promise((resolve) => setTimeout(resolve, 4500));
    return { late: true };
  }

  @MessagePattern(REFUSE)
  refuse() {
    throw new DomainError(ERROR_CODES.PERMISSION_DENIED, 'Not yours.', { hubId: 'h-1' });
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** The AMQP connection the client holds now (private; a test that cuts it from the broker's side). */
function socketOf(rpc: RpcClient): Socket {
  const manager = (rpc as unknown as { connection: AmqpConnectionManager }).connection;
  return (manager.connection as unknown as { connection: { stream: Socket } }).connection.stream;
}

describe('RpcClient against a Nest RMQ server', () => {
  const names = new AmqpNames(newNamespace('rpc-client'));
  let rig: Awaited<ReturnType<typeof openProbeRig>>;
  let rpc: RpcClient;

  beforeAll(async () => {
    rig = await openProbeRig(EchoModule, names, { service: 'hub', consumes: [] });
    rpc = rig.rpc;
  });
  afterAll(() => rig?.close());

  it('sends what Nest ClientRMQ sends: direct reply-to, persistent, the timeout as expiration, the correlation header', async () => {
    const answer = (await runWithCorrelationId('corr-1', () => rpc.call(ECHO, { n: 1 } as never))) as unknown as {
      data: unknown;
      properties: Record<string, unknown>;
    };
    expect(answer.data).toEqual({ n: 1 });
    expect(answer.properties).toMatchObject({
      replyTo: expect.stringMatching(/^amq\.rabbitmq\.reply-to\./),
      deliveryMode: 2,
      expiration: '5000',
      correlationId: expect.any(String),
      headers: { [CORRELATION_HEADER]: 'corr-1' },
    });
  });

  it('publishes its requests without confirms: the reply is the confirmation', async () => {
    await rpc.call(ECHO, {} as never);
    const channel = (rpc as unknown as { channel: { _confirm: boolean } }).channel;
    expect(channel._confirm).toBe(false);
  });

  it('rethrows a remote domain error with its code, message and details', async () => {
    const error = await rpc.call(REFUSE, {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: ERROR_CODES.PERMISSION_DENIED,
      message: 'Not yours.',
      details: { hubId: 'h-1' },
    });
  });

  it('concurrent calls each get their own reply', async () => {
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => rpc.call(ECHO, { n } as never)));
    expect(answers.map((a) => (a as unknown as { data: { n: number } }).data.n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('when the broker closes the connection, calls fail at once with RPC.UNAVAILABLE, then work again after the reconnect', async () => {
    await rpc.call(ECHO, {} as never);
    const socket = socketOf(rpc);
    const name = `${socket.localAddress}:${socket.localPort} -> ${socket.remoteAddress}:${socket.remotePort}`;
    const rabbitmqctl = (...args: string[]) => execFileSync('rabbitmqctl', args, { encoding: 'utf8', timeout: 60_000 });
    const pid = rabbitmqctl('list_connections', '-q', '--no-table-headers', 'pid', 'name')
      .split('\n')
      .find((line) => line.endsWith(`\t${name}`))
      ?.split('\t')[0];
    expect(pid).toBeDefined();
    const waiting = rpc.call(SLOW, {} as never).catch((e: unknown) => e);
    rabbitmqctl('close_connection', pid!, 'rpc-client test');
    const closedAt = Date.now();

    // The call under way fails as soon as the connection is lost, not at its 5 s timeout: its reply could
    // only come to the lost channel.
    expect(await waiting).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE, details: { pattern: SLOW } });
    expect(Date.now() - closedAt).toBeLessThan(2000);

    await eventually(async () => {
      const error = await rpc.call(ECHO, {} as never).catch((e: unknown) => e);
      return error instanceof DomainError && error.code === ERROR_CODES.RPC_UNAVAILABLE;
    }, 'a call refused while disconnected');
    const started = Date.now();
    const refused = await rpc.call(ECHO, {} as never).catch((e: unknown) => e);
    if (refused instanceof DomainError) {
      expect(refused).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE, details: { pattern: ECHO, service: 'hub' } });
      expect(Date.now() - started).toBeLessThan(1000); // at once, not after the 5 s timeout
    }
    // amqp-connection-manager tries again after its reconnect delay (5 s): replies come on the new channel.
    await eventually(
      async () => (await rpc.call(ECHO, { n: 7 } as never).catch(() => null)) !== null,
      'a call answered after the reconnect',
      20_000,
    );
  }, 30_000);
});

describe('RpcClient that reaches the broker only later', () => {
  const names = new AmqpNames(newNamespace('rpc-later'));
  let rig: Awaited<ReturnType<typeof openProbeRig>>;
  let proxy: Server | null = null;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    rig = await openProbeRig(EchoModule, names, { service: 'hub', consumes: [] });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await rig?.close();
  });

  it('fails with RPC.UNAVAILABLE while it cannot connect, then works once the broker can be reached', async () => {
    // A port with nothing behind it yet; later a TCP relay to the broker opens on it.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const broker = new URL(testAmqpUrl());
    const viaRelay = testAmqpUrl().replace(/:\d+(\/|$)/, `:${port}$1`);
    const rpc = new RpcClient({ url: viaRelay, names, timeoutMs: 3000 });
    try {
      const refused = await rpc.call(ECHO, {} as never).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE });

      proxy = createServer((client) => {
        const upstream = connect(Number(broker.port || 5672), broker.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      }).listen(port, '127.0.0.1');
      // amqp-connection-manager tries again after its reconnect delay (5 s).
      await eventually(
        async () => (await rpc.call(ECHO, { n: 8 } as never).catch(() => null)) !== null,
        'a call answered once the broker is reachable',
        20_000,
      );
    } finally {
      await rpc.close();
    }
  }, 30_000);
});

describe('RpcClient with no broker to reach', () => {
  it('fails with RPC.UNAVAILABLE, not a timeout', async () => {
    const unreachable = testAmqpUrl().replace(/:\d+(\/|$)/, ':1$1');
    const rpc = new RpcClient({ url: unreachable, names: new AmqpNames(newNamespace('rpc-down')), timeoutMs: 3000 });
    try {
      const started = Date.now();
      const error = await rpc.call(ECHO, {} as never).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: ERROR_CODES.RPC_UNAVAILABLE, details: { pattern: ECHO, service: 'hub' } });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await rpc.close();
    }
  });
});
