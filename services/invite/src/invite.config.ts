import { BaseEnv } from '@gatehouse/config';
import { IsInt, IsUrl, Max, Min } from 'class-validator';

export class InviteEnv extends BaseEnv {
  /** Health and metrics only: the invite service's API is RPC over RabbitMQ. 0 = any free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3002;

  /** Where people reach the gateway's public pages; accept and join links start with it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';
}

export const INVITE_SCHEMA = 'invite';
