import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { OutboxRelay } from './outbox-relay';

/**
 * Published (straight to the events exchange, not through an outbox) by a service that found, on a
 * (re)connection, that the broker had lost its definitions — once its own queues and bindings are back.
 * Every back-end service consumes it and publishes its recent outbox events again: the messages that were
 * in the lost queues are gone, and events published while this service's binding was missing (routable
 * through another consumer's, so not returned) never reached it.
 */
export const DEFINITIONS_RESTORED_EVENT = 'gatehouse.broker.definitions-restored';

@Controller()
export class DefinitionsRestoredConsumer {
  constructor(private readonly relay: OutboxRelay) {}

  @EventPattern(DEFINITIONS_RESTORED_EVENT)
  async onRestored(): Promise<void> {
    await this.relay.replayRecent();
  }
}
