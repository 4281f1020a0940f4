import { BaseEnv, IntSetting } from '@gatehouse/config';
import { IsOptional, IsString, IsUrl, Matches, MinLength } from 'class-validator';

/** `true` (trust every hop) is refused: any client could then choose its own address. */
const TRUST_PROXY_SHAPE = /^(?!true$)(false|\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/;

/** TRUST_PROXY as Express takes it: false, a hop count, or the list of trusted addresses/subnets. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export class GatewayEnv extends BaseEnv {
  /** 0 = any free port (tests). */
  @IntSetting(0, 65535)
  HTTP_PORT: number = 3000;

  /** HS256 signing key for access tokens. Required: there is no built-in default. */
  @IsString({ message: 'JWT_SECRET is required (at least 32 random characters)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  @IntSetting(60, 86400)
  JWT_TTL_SECONDS: number = 900;

  /** Sign-in attempts allowed per client address per minute. */
  @IntSetting(1)
  SIGN_IN_RATE_LIMIT: number = 10;

  /** Bearer token Prometheus uses for /metrics; unset = operators' tokens only. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /** Public join page (GET /join/{token}): views allowed per client address per JOIN_RATE_WINDOW_SECONDS. */
  @IntSetting(1)
  JOIN_PAGE_RATE_LIMIT: number = 60;

  /** Public join page (POST /join/{token}): sign-up attempts allowed per client address per JOIN_RATE_WINDOW_SECONDS. */
  @IntSetting(1)
  JOIN_SUBMIT_RATE_LIMIT: number = 10;

  @IntSetting(1, 86400)
  JOIN_RATE_WINDOW_SECONDS: number = 600;

  /**
   * Which proxies in front of the gateway are trusted to say who the client is (X-Forwarded-For): the
   * client address used for rate limits comes from them. Express's "trust proxy" values: `false` (none:
   * the socket's address), a number of hops, or a comma-separated list of addresses/subnets and the names
   * `loopback`, `linklocal`, `uniquelocal` (e.g. `loopback, 10.0.0.0/8` for an ingress in the cluster).
   * Never trust more than your own proxies: a trusted hop's X-Forwarded-For is believed.
   */
  @IsString()
  @Matches(TRUST_PROXY_SHAPE, {
    message: 'TRUST_PROXY must be false, a hop count, or a comma-separated list of addresses/subnets (not true)',
  })
  TRUST_PROXY: string = 'loopback';

  /** The built web app the gateway serves at `/`; unset = dist/web beside the compiled gateway. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}
