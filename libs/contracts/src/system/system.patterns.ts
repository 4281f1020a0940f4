import { ServiceName } from '../services';

/**
 * The health report each back-end service answers (`<service>.system.health`), for the gateway's
 * aggregated GET /api/v1/system/health. One pattern per service: each goes to that service's RPC queue.
 */
export const SYSTEM_HEALTH_PATTERNS = {
  hub: 'hub.system.health',
  invite: 'invite.system.health',
  notification: 'notification.system.health',
} as const satisfies Record<ServiceName, string>;
