import { BaseEnv } from '@gatehouse/config';
import { IsInt, IsUrl, Matches, Max, Min, ValidateIf } from 'class-validator';

export class InviteEnv extends BaseEnv {
  /** Health and metrics only: the invite service's API is RPC over RabbitMQ. 0 = any free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3002;

  /** Where people reach the gateway's public pages; accept and join links start with it. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL: string = 'http://localhost:3000';

  /**
   * Registration links: the AES-256-GCM key (64 hex characters, `openssl rand -hex 32`) that seals each
   * link's token so members can be shown the URL again. Required in production; elsewhere a fixed
   * development key is used. See docs/registration-links.md.
   */
  @ValidateIf((env: InviteEnv) => env.NODE_ENV === 'production' || env.REGISTRATION_LINK_TOKEN_KEY !== undefined)
  @Matches(/^[0-9a-fA-F]{64}$/, {
    message: 'REGISTRATION_LINK_TOKEN_KEY must be 64 hex characters (openssl rand -hex 32); required in production',
  })
  REGISTRATION_LINK_TOKEN_KEY?: string;

  /** Registration links: sign-up attempts allowed per link per window (REGISTRATION_LINK_JOIN_WINDOW_SECONDS). */
  @IsInt()
  @Min(1)
  REGISTRATION_LINK_JOIN_LIMIT: number = 30;

  @IsInt()
  @Min(1)
  @Max(86400)
  REGISTRATION_LINK_JOIN_WINDOW_SECONDS: number = 600;

  /**
   * How often membership grants the hub has not confirmed yet (accepted invites, registration-link joins)
   * are looked for and retried when due.
   */
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  MEMBERSHIP_GRANT_POLL_MS: number = 5000;

  /**
   * Registration links: how long the confirm link of a sign-up works, in hours (the verification email
   * says until when). Nothing exists for the address until it is confirmed.
   */
  @IsInt()
  @Min(1)
  @Max(168)
  SIGNUP_CONFIRMATION_TTL_HOURS: number = 24;

  /** Mass invites: the largest CSV accepted, in bytes (default 10 MiB). */
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES: number = 10 * 1024 * 1024;

  /** Mass invites: the most rows with something in them that one file may have. */
  @IsInt()
  @Min(1)
  IMPORT_MAX_ROWS: number = 100_000;

  /** Mass invites: the longest first cell, in characters (longer cells are reported as invalid rows). */
  @IsInt()
  @Min(64)
  @Max(10_000)
  IMPORT_MAX_CELL_LENGTH: number = 320;

  /** Browser sessions: a session nobody used for this long has ended (sliding; default 2 h). */
  @IsInt()
  @Min(1)
  @Max(1440)
  SESSION_IDLE_MINUTES: number = 120;

  /** Browser sessions: the longest a session lasts however busy it is (absolute; default 12 h). */
  @IsInt()
  @Min(1)
  @Max(720)
  SESSION_ABSOLUTE_HOURS: number = 12;
}

export const INVITE_SCHEMA = 'invite';
