import { IsStringList, IsUuidList } from '../list-validators';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const MAX_LOOKUP_EMAILS = 10000;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The name and password a person chooses on a public page that creates their account (accepting an
 * invite, joining by a registration link).
 */
export class ChosenAccountDetails {
  /** Emptiness is checked by the invite service, with the rule every route to an account shares. */
  @IsString()
  @MaxLength(200)
  displayName!: string;

  /** Strength is checked by the invite service (ACCOUNT.WEAK_PASSWORD). */
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

/** "Are these emails registered?" — one round trip for up to 10,000 addresses, normalised by the service. */
export class LookupAccountsRequest {
  @IsStringList({ maxItems: MAX_LOOKUP_EMAILS, maxLength: 320 })
  emails!: string[];
}

export class CreateAccountRequest {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  /** Strength is checked by the invite service, so that every route to an account applies one rule. */
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @IsOptional()
  @IsBoolean()
  isOperator?: boolean;

  /**
   * Whether the caller vouches that the address belongs to this person (operator tooling: bootstrap,
   * demo data, tests). Default false: the account can sign in but is NOT treated as the owner of the
   * address — it picks up no pending invites and later invites do not add it at once. The public routes
   * (accept page, registration-link confirmation) prove the mailbox themselves and never use this.
   */
  @IsOptional()
  @IsBoolean()
  emailVerified?: boolean;
}

export class GetAccountRequest {
  @IsUUID()
  accountId!: string;
}

/** invite.account.discard-unused: the account a failed set-up had just created. */
export class DiscardUnusedAccountRequest {
  @IsUUID()
  accountId!: string;
}

export class AccountNamesRequest {
  @IsUuidList({ maxItems: 500 })
  accountIds!: string[];
}

export class StatsRequest {}

export class VerifyCredentialsRequest {
  @IsString()
  @MaxLength(320)
  email!: string;

  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;
}

/** A session token as the browser's cookie carries it (32 random bytes, base64url); never stored as it is. */
export const MAX_SESSION_TOKEN_LENGTH = 64;

/** Starts a browser session for an account whose credentials (or new account) the gateway just saw. */
export class StartSessionRequest {
  @IsUUID()
  accountId!: string;
}

/** Resolve (and keep alive) or end the session a cookie names. */
export class SessionTokenRequest {
  @IsString()
  @MaxLength(MAX_SESSION_TOKEN_LENGTH)
  token!: string;
}

/** Ends every session of an account (sign out everywhere; account removal). */
export class EndAccountSessionsRequest {
  @IsUUID()
  accountId!: string;
}
