import { BaseEnv } from '@gatehouse/config';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { CRASH_POLICIES, CrashPolicy } from './deliveries/delivery-record';

/** An empty variable (`SMTP_URL=`) means "not set". */
const emptyIsUnset = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export class NotificationEnv extends BaseEnv {
  /** Health and metrics only: the notification service's API is RPC over RabbitMQ. 0 = any free port (tests). */
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT: number = 3003;

  /** SMTP server, e.g. smtp://127.0.0.1:2525 or smtps://user:pass@smtp.example.com. Unset: the mail drop. */
  @emptyIsUnset()
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Where the mail drop writes .eml files and index.jsonl when SMTP_URL is unset (relative: to the working directory). */
  @IsString()
  @MinLength(1)
  MAIL_DROP_DIR: string = 'var/mail-drop';

  @IsEmail({ require_tld: false }, { message: 'MAIL_FROM_ADDRESS must be an email address' })
  MAIL_FROM_ADDRESS: string = 'gatehouse@localhost';

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  MAIL_FROM_NAME: string = 'Gatehouse';

  @emptyIsUnset()
  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'MAIL_REPLY_TO must be an email address' })
  MAIL_REPLY_TO?: string;

  /** Emails per second at most, so a provider's quota is respected (token bucket, bursts of one second). */
  @IsInt()
  @Min(1)
  @Max(100000)
  MAIL_RATE_PER_SECOND: number = 200;

  @IsInt()
  @Min(1)
  @Max(100)
  SMTP_POOL_MAX_CONNECTIONS: number = 5;

  /** SMTP attempts per email before a transient failure becomes final. */
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS: number = 6;

  /** First retry delay; doubles with every attempt, with jitter. */
  @IsInt()
  @Min(1)
  @Max(3600000)
  DELIVERY_BASE_BACKOFF_MS: number = 2000;

  /** How often the worker looks for due deliveries (it is also woken when an event queued some). */
  @IsInt()
  @Min(10)
  @Max(60000)
  DELIVERY_POLL_INTERVAL_MS: number = 1000;

  /**
   * A claimed ("sending") delivery's lease; renewed while its sender lives. When it runs out (or the same
   * replica boots again) the sender is taken for dead and DELIVERY_CRASH_POLICY applies. Above the SMTP timeouts
   * is not needed: a live sender renews it.
   */
  @IsInt()
  @Min(1000)
  @Max(3600000)
  DELIVERY_CLAIM_LEASE_MS: number = 30000;

  /** Deliveries a dead sender had claimed: sent again, same Message-ID (default), or failed "outcome unknown". */
  @IsIn(CRASH_POLICIES)
  DELIVERY_CRASH_POLICY: CrashPolicy = 'at-least-once';
}

export const NOTIFICATION_SCHEMA = 'notification';
