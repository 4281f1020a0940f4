import { SERVICE_CONSUMES } from '@gatehouse/contracts';
import { ServiceTopology } from '@gatehouse/messaging';

/**
 * What the notification service declares on the broker (main.ts; also deploy/rabbitmq/definitions.json).
 * It consumes the events of the emails it sends, and the policy read model's feed; declared in
 * libs/contracts (SERVICE_CONSUMES) so that the gateway's health report knows every queue.
 */
export const NOTIFICATION_TOPOLOGY: ServiceTopology = {
  service: 'notification',
  consumes: SERVICE_CONSUMES.notification,
};
