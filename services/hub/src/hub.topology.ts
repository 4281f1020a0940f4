import { SERVICE_CONSUMES } from '@gatehouse/contracts';

/**
 * Events the hub service consumes, for the audit log: the invite lifecycle (audit/invite-audit.consumer.ts)
 * and registration links (audit/registration-link-audit.consumer.ts). Declared in libs/contracts
 * (SERVICE_CONSUMES) so that the gateway's health report knows every queue without importing a service.
 */
export const HUB_CONSUMES: string[] = SERVICE_CONSUMES.hub;

/**
 * Events the hub publishes that no service consumes (yet): bound to the events.unconsumed queue so that
 * they are routable, and the outbox's mandatory publish treats a returned event as a lost binding. None
 * today: hub.member.added is the notification service's "you were added" notice.
 */
export const HUB_UNCONSUMED: string[] = [];
