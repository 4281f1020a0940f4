import { BaseEnv, IntSetting } from '@gatehouse/config';

export class HubEnv extends BaseEnv {
  /** Health and metrics only: the hub's API is RPC over RabbitMQ. 0 = any free port (tests). */
  @IntSetting(0, 65535)
  HTTP_PORT: number = 3001;
}

export const HUB_SCHEMA = 'hub';
