import * as amqp from 'amqplib';
import { backendTopologyPlan } from '../scripts/export-rabbitmq-definitions';

/**
 * Deletes what the services declared in a benchmark's AMQP namespace (its queues, their messages, its
 * exchanges and each service's `.declared` marker), so that runs leave nothing on the broker.
 */
export async function deleteBenchNamespace(amqpUrl: string, namespace: string): Promise<void> {
  const plan = backendTopologyPlan(namespace);
  const markers = ['hub', 'invite', 'notification'].map((service) => `${namespace}.${service}.declared`);
  const connection = await amqp.connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    for (const queue of plan.queues) await channel.deleteQueue(queue.name);
    for (const exchange of [...plan.exchanges.map((e) => e.name), ...markers]) await channel.deleteExchange(exchange);
    await channel.close();
  } finally {
    await connection.close();
  }
}
