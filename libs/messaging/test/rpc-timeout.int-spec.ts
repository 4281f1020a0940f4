import { ERROR_CODES, HUB_PATTERNS, DomainError } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { deleteNamespace, newNamespace, testRpcClient } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { BrokerProbe, eventually } from './messaging-test-kit';

describe('RPC to a service that is down', () => {
  // A namespace in which no hub runs.
  const names = new AmqpNames(newNamespace('rpc-timeout'));
  let rpc: RpcClient;
  let broker: BrokerProbe;

  beforeAll(async () => {
    rpc = testRpcClient(names.namespace, 300);
    broker = await BrokerProbe.open();
  });
  afterAll(async () => {
    await rpc?.close();
    await broker?.close();
    await deleteNamespace(names.namespace);
  });

  const askHub = () => rpc.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId: randomUUID(), accountId: randomUUID() });

  it('fails with RPC.TIMEOUT, saying which service did not answer', async () => {
    const error = await askHub().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: ERROR_CODES.RPC_TIMEOUT,
      message: expect.stringMatching(/\bhub service\b.*300 ms/),
      details: { pattern: HUB_PATTERNS.MEMBERSHIP_GET, service: 'hub', timeoutMs: 300 },
    });
  });

  it('a per-call timeout overrides the client default', async () => {
    const error = await rpc
      .call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId: randomUUID(), accountId: randomUUID() }, { timeoutMs: 150 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ERROR_CODES.RPC_TIMEOUT, details: { timeoutMs: 150 } });
  });

  it('every call times out on its own; the client stays usable', async () => {
    const outcomes = await Promise.allSettled([askHub(), askHub(), askHub()]);
    expect(outcomes.map((o) => o.status === 'rejected' && (o.reason as DomainError).code)).toEqual([
      ERROR_CODES.RPC_TIMEOUT,
      ERROR_CODES.RPC_TIMEOUT,
      ERROR_CODES.RPC_TIMEOUT,
    ]);
  });

  it('the unanswered requests expire instead of waiting to be run late', async () => {
    const queue = names.rpcQueue('hub');
    await eventually(async () => (await broker.messageCount(queue)) === 0, 'the expired requests to leave the queue');
  });
});
