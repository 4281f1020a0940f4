import { SERVICE_CONSUMES } from '@gatehouse/contracts';
import { ServiceTopology } from '@gatehouse/messaging';

/**
 * What the hub service declares on the broker (main.ts; also deploy/rabbitmq/definitions.json):
 * - consumes, for the audit log: the invite lifecycle (audit/invite-audit.consumer.ts) and registration
 *   links (audit/registration-link-audit.consumer.ts). Declared in libs/contracts (SERVICE_CONSUMES) so that
 *   the gateway's health report knows every queue without importing a service;
 * - unconsumed: events the hub publishes that no service consumes (yet), bound to the events.unconsumed
 *   queue so that they are routable, and the outbox's mandatory publish treats a returned event as a lost
 *   binding. None today: hub.member.added is the notification service's "you were added" notice.
 */
export const HUB_TOPOLOGY: ServiceTopology = {
  service: 'hub',
  consumes: SERVICE_CONSUMES.hub,
  unconsumed: [],
};
