import { AmqpNames, DeadLetterQueues } from '@gatehouse/messaging';
import * as amqp from 'amqplib';

/**
 * The dead-letter queue runbook's tool (docs/operations.md), against the installation in AMQP_URL and
 * AMQP_NAMESPACE:
 *   npm run dlq -- list                 counts of every dead-letter queue
 *   npm run dlq -- list <queue>         the messages in one (left in place)
 *   npm run dlq -- replay <queue>       events back to their queue, fresh attempts; requests stay
 *   npm run dlq -- discard <queue>      drop them all
 * <queue> is a queue's name with or without namespace and ".dead", e.g. `notification.events`.
 */
async function main(): Promise<void> {
  const [command, queue] = process.argv.slice(2);
  const connection = await amqp.connect(process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672');
  const dlq = await DeadLetterQueues.open(connection, new AmqpNames(process.env.AMQP_NAMESPACE ?? 'gatehouse'));
  try {
    if (command === 'list' && !queue) {
      for (const [name, count] of Object.entries(await dlq.counts())) process.stdout.write(`${count}\t${name}\n`);
    } else if (command === 'list') {
      for (const letter of await dlq.peek(dlq.resolve(queue))) process.stdout.write(`${JSON.stringify(letter)}\n`);
    } else if (command === 'replay' && queue) {
      const result = await dlq.replay(dlq.resolve(queue));
      process.stdout.write(
        `replayed ${result.replayed}; kept ${result.keptRequests} request(s) (their callers already had an error)\n`,
      );
    } else if (command === 'discard' && queue) {
      process.stdout.write(`discarded ${await dlq.discard(dlq.resolve(queue))}\n`);
    } else {
      throw new Error('usage: npm run dlq -- list [<queue>] | replay <queue> | discard <queue>');
    }
  } finally {
    await dlq.close();
    await connection.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`dlq: ${error.message}\n`);
  process.exit(1);
});
