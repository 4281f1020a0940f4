import { BaseEnv } from '@gatehouse/config';
import { IsInt, Max, Min } from 'class-validator';

export class HubEnv extends BaseEnv {
  /** Health and metrics only: the hub's API is RPC over RabbitMQ. 0 = any free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3001;
}

export const HUB_SCHEMA = 'hub';
