import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { Figure } from '../report';
import { ISSUE_TARGETS } from '../targets';
import { latencies } from '../timing';

/** Floor: a bare amqplib request/reply (direct reply-to, manual ack, no-delay) to an echo consumer. */
async function rawRoundTrip(amqpUrl: string, count: number) {
  const connection = await amqp.connect(amqpUrl, { noDelay: true });
  const server = await connection.createChannel();
  const queue = `bench-echo-${randomUUID()}`;
  await server.assertQueue(queue, { durable: true, autoDelete: true });
  await server.consume(queue, (message) => {
    if (!message) return;
    server.sendToQueue(message.properties.replyTo as string, message.content, {
      correlationId: message.properties.correlationId as string,
    });
    server.ack(message);
  });
  const client = await connection.createChannel();
  const waiting = new Map<string, () => void>();
  await client.consume(
    'amq.rabbitmq.reply-to',
    (message) => message && waiting.get(message.properties.correlationId as string)?.(),
    { noAck: true },
  );
  const body = Buffer.from(JSON.stringify({ pattern: 'echo', data: { hubId: randomUUID(), accountId: randomUUID() } }));
  const result = await latencies(count, () => {
    const id = randomUUID();
    return new Promise<void>((resolve) => {
      waiting.set(id, () => {
        waiting.delete(id);
        resolve();
      });
      client.sendToQueue(queue, body, { correlationId: id, replyTo: 'amq.rabbitmq.reply-to', persistent: true });
    });
  });
  await connection.close();
  return result;
}

export async function rpcRoundTrip(
  rpc: RpcClient,
  amqpUrl: string,
  hubId: string,
  accountId: string,
): Promise<Figure[]> {
  const count = 2000;
  await rpc.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId }); // warm-up: connection, channel
  const gatehouse = await latencies(count, () => rpc.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId }));
  const floor = await rawRoundTrip(amqpUrl, count);
  const label = 'RPC round trip (hub.membership.get, one PK lookup)';
  const floorLabel = 'raw amqplib echo';
  return [
    {
      case: label,
      metric: 'median latency',
      value: gatehouse.median,
      unit: 'µs',
      floor: { label: floorLabel, value: floor.median },
      target: ISSUE_TARGETS.rpcMedian,
      note: `${count} sequential calls`,
    },
    {
      case: label,
      metric: 'p95 latency',
      value: gatehouse.p95,
      unit: 'µs',
      floor: { label: floorLabel, value: floor.p95 },
      target: ISSUE_TARGETS.rpcP95,
      note: `${count} sequential calls`,
    },
  ];
}
