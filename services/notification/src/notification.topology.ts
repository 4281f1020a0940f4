import { SERVICE_CONSUMES } from '@gatehouse/contracts';

/**
 * Events the notification service consumes: the emails it sends, and the policy read model's feed.
 * Declared in libs/contracts (SERVICE_CONSUMES) so that the gateway's health report knows every queue.
 */
export const NOTIFICATION_CONSUMES: string[] = SERVICE_CONSUMES.notification;
