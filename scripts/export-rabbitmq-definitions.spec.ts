import { DEFINITIONS_RESTORED_EVENT } from '@gatehouse/messaging';
import { HUB_EVENTS, SIGNUP_EVENTS } from '@gatehouse/contracts';
import { rabbitmqDefinitions } from './export-rabbitmq-definitions';

interface Definitions {
  exchanges: { name: string }[];
  queues: { name: string; arguments: Record<string, unknown> }[];
  bindings: { source: string; destination: string; routing_key: string }[];
}

describe('deploy/rabbitmq/definitions.json', () => {
  const definitions = rabbitmqDefinitions('gatehouse') as Definitions;
  const bound = (queue: string) =>
    definitions.bindings.filter((binding) => binding.destination === queue).map((binding) => binding.routing_key);

  it('holds what the services declare: the sign-up confirmation, "you were added" and the definitions-restored notice', () => {
    expect(bound('gatehouse.notification.events')).toEqual(
      expect.arrayContaining([
        SIGNUP_EVENTS.CONFIRMATION_REQUESTED,
        HUB_EVENTS.MEMBERS_ADDED,
        DEFINITIONS_RESTORED_EVENT,
      ]),
    );
    for (const service of ['hub', 'invite', 'notification']) {
      expect(bound(`gatehouse.${service}.events`)).toContain(DEFINITIONS_RESTORED_EVENT);
      expect(definitions.queues.map((queue) => queue.name)).toContain(`gatehouse.${service}.events.retry.30000ms`);
    }
  });

  it('has each exchange and queue once, and no marker exchange (its absence is how a lost broker is noticed)', () => {
    const exchanges = definitions.exchanges.map((exchange) => exchange.name);
    const queues = definitions.queues.map((queue) => queue.name);
    expect(exchanges).toEqual(['gatehouse.events', 'gatehouse.dead-letter']);
    expect(new Set(queues).size).toBe(queues.length);
  });
});
