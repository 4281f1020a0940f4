import * as amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { HUB_PATTERNS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { cpuSeconds } from '../process-cpu';
import { Figure } from '../report';
import { ISSUE_TARGETS } from '../targets';
import { latencySamples, medianAndP95 } from '../timing';

/**
 * Calls on each side before any is timed. Both sides are long-running processes in production; a cold
 * hub's first calls go through V8's interpreter and baseline code (measured: p95 4.4 ms over the first 200
 * calls, 1.4 ms over calls 1,800–2,000, the echo flat at 0.3–0.5 ms), which is warm-up, not the round trip.
 */
const WARM_UP = 2000;
/**
 * The timed calls alternate between the two sides in rounds, so that both meet the same moments of a
 * shared machine (one slow spell would otherwise land on one side only): 4 rounds of 500 calls each.
 */
const ROUNDS = 4;
const PER_ROUND = 500;

/** Floor: a bare amqplib request/reply (direct reply-to, manual ack, no-delay) to an echo consumer. */
async function openEcho(amqpUrl: string) {
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
  return {
    call: () => {
      const id = randomUUID();
      return new Promise<void>((resolve) => {
        waiting.set(id, () => {
          waiting.delete(id);
          resolve();
        });
        client.sendToQueue(queue, body, { correlationId: id, replyTo: 'amq.rabbitmq.reply-to', persistent: true });
      });
    },
    close: () => connection.close(),
  };
}

/** `hub.membership.get` through the RpcClient beside the echo; `hubPid` is the hub's process (its CPU per call). */
export async function rpcRoundTrip(
  rpc: RpcClient,
  amqpUrl: string,
  hubId: string,
  accountId: string,
  hubPid: number,
): Promise<Figure[]> {
  const call = () => rpc.call(HUB_PATTERNS.MEMBERSHIP_GET, { hubId, accountId });
  const echo = await openEcho(amqpUrl);
  const ourSamples: number[] = [];
  const echoSamples: number[] = [];
  let hubCpuSeconds = 0;
  try {
    await latencySamples(WARM_UP, call);
    await latencySamples(WARM_UP, echo.call);
    for (let round = 0; round < ROUNDS; round++) {
      const cpuBefore = cpuSeconds(hubPid);
      ourSamples.push(...(await latencySamples(PER_ROUND, call)));
      hubCpuSeconds += cpuSeconds(hubPid) - cpuBefore;
      echoSamples.push(...(await latencySamples(PER_ROUND, echo.call)));
    }
  } finally {
    await echo.close();
  }
  const gatehouse = medianAndP95(ourSamples);
  const echoed = medianAndP95(echoSamples);
  const label = 'RPC round trip (hub.membership.get, one PK lookup)';
  const floorLabel = 'raw amqplib echo';
  const note =
    `${ourSamples.length} sequential calls after ${WARM_UP} warm-up calls, ${ROUNDS} rounds alternating with the echo; ` +
    `hub CPU ${Math.round((hubCpuSeconds * 1e6) / ourSamples.length)} µs per call`;
  return [
    {
      case: label,
      metric: 'median latency',
      value: gatehouse.median,
      unit: 'µs',
      floor: { label: floorLabel, value: echoed.median },
      target: ISSUE_TARGETS.rpcMedian,
      note,
    },
    {
      case: label,
      metric: 'p95 latency',
      value: gatehouse.p95,
      unit: 'µs',
      floor: { label: floorLabel, value: echoed.p95 },
      target: ISSUE_TARGETS.rpcP95,
      note,
    },
  ];
}
