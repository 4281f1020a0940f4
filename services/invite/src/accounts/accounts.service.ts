import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AccountNames,
  ACCOUNT_EVENTS,
  AccountCreatedPayload,
  AccountView,
  CreateAccountRequest,
  ERROR_CODES,
  LookupAccountsResult,
  DomainError,
} from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity';
import { PasswordHasher } from './password-hasher';
import { checkPasswordStrength } from './password-policy';

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  isOperator: boolean;
  emailVerified: boolean;
}

/** Chunks of 1,000: larger ANY() arrays made PostgreSQL pick a sequential scan over 1M accounts. */
const LOOKUP_CHUNK = 1000;
/** How new an account must be for discardUnused: a set-up undoes its own step at once, never later. */
const DISCARD_WITHIN = '10 minutes';

export const toAccountView = (a: AccountEntity): AccountView => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  isOperator: a.isOperator,
  createdAt: a.createdAt.toISOString(),
});

export function requireEmail(raw: string): string {
  const result = normalizeEmail(raw);
  if (!result.ok) {
    throw new DomainError(
      ERROR_CODES.ACCOUNT_INVALID_EMAIL,
      `"${raw.slice(0, 320)}" is not an email address: ${result.reason}.`,
    );
  }
  return result.email;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Creates an account inside the caller's transaction (so that an accept or a sign-up creates the
   * account and whatever comes with it at once) and records `invite.account.created`.
   * `emailVerified`: only for callers that proved the mailbox (or an operator that vouches for it).
   */
  async createIn(manager: EntityManager, request: CreateAccountRequest): Promise<AccountEntity> {
    const { email, displayName } = this.checkNewAccount(request);
    const passwordHash = await this.hasher.hash(request.password);
    return this.insertIn(manager, {
      email,
      displayName,
      passwordHash,
      isOperator: request.isOperator ?? false,
      emailVerified: request.emailVerified ?? false,
    });
  }

  /**
   * The rules every new account meets (address, password strength, display name), without creating one:
   * a pending sign-up checks them before it stores anything. Returns the normalised address and name.
   */
  checkNewAccount(request: { email: string; displayName: string; password: string }): {
    email: string;
    displayName: string;
  } {
    const email = requireEmail(request.email);
    checkPasswordStrength(request.password, email);
    const displayName = request.displayName.trim();
    if (displayName === '') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, 'Display name must not be empty.');
    return { email, displayName };
  }

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  verifyPassword(passwordHash: string, password: string): Promise<boolean> {
    return this.hasher.verify(passwordHash, password);
  }

  /** Inserts an already checked account (password already hashed) and records `invite.account.created`. */
  async insertIn(manager: EntityManager, account: NewAccount): Promise<AccountEntity> {
    const id = randomUUID();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, is_operator, email_verified_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END) ON CONFLICT DO NOTHING RETURNING id`,
      [id, account.email, account.displayName, account.passwordHash, account.isOperator, account.emailVerified],
    );
    if (inserted.length === 0) {
      throw new DomainError(
        ERROR_CODES.ACCOUNT_EMAIL_TAKEN,
        'An account with this email address already exists. Sign in instead.',
      );
    }
    const payload: AccountCreatedPayload = { accountId: id, email: account.email, displayName: account.displayName };
    await this.outbox.add(manager, { name: ACCOUNT_EVENTS.CREATED, payload });
    return manager.findOneByOrFail(AccountEntity, { id });
  }

  /** Whether the address (normalised) has an account at all, verified or not. */
  async exists(email: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM invite.accounts WHERE email = $1', [email]);
    return rows.length > 0;
  }

  /**
   * Deletes an account made moments ago (DISCARD_WITHIN) that nothing uses yet — never signed in, no invite
   * accepted, no membership on its way — together with its account-created event if that is still
   * unsent. For a set-up that failed after creating it (bootstrap); anything else is refused.
   */
  async discardUnused(accountId: string): Promise<{ discarded: true }> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `DELETE FROM invite.accounts a
         WHERE a.id = $1 AND a.created_at > now() - $2::interval
           AND NOT EXISTS (SELECT 1 FROM invite.sessions s WHERE s.account_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM invite.invites i WHERE i.accepted_account_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM invite.membership_grants g WHERE g.account_id = a.id)
         RETURNING a.id`,
        [accountId, DISCARD_WITHIN],
      );
      if (rows.length === 0) {
        throw new DomainError(
          ERROR_CODES.ACCOUNT_IN_USE,
          'The account is not new any more or is already in use, so it was kept.',
          { accountId },
        );
      }
      await manager.query(
        `DELETE FROM invite.outbox WHERE sent_at IS NULL AND event_name = $1 AND payload->>'accountId' = $2`,
        [ACCOUNT_EVENTS.CREATED, accountId],
      );
      return { discarded: true as const };
    });
  }

  async get(accountId: string): Promise<AccountView> {
    const account = await this.dataSource.manager.findOneBy(AccountEntity, { id: accountId });
    if (!account) throw new DomainError(ERROR_CODES.ACCOUNT_NOT_FOUND, 'No such account.');
    return toAccountView(account);
  }

  /** Who these ids are, in one query (ids with no account are left out). */
  async names(accountIds: string[]): Promise<AccountNames> {
    if (accountIds.length === 0) return { accounts: [] };
    const accounts: AccountNames['accounts'] = await this.dataSource.query(
      `SELECT id AS "accountId", email, display_name AS "displayName" FROM invite.accounts WHERE id = ANY($1::uuid[])`,
      [accountIds],
    );
    return { accounts };
  }

  async count(): Promise<number> {
    return this.dataSource.manager.count(AccountEntity);
  }

  /**
   * Which of these addresses have an account whose address is verified? (An unverified account is not
   * "registered" for invites: it must not pick up what was sent to an address it has not proven.)
   * One query per 1,000 normalised addresses.
   */
  async lookup(emails: string[], manager: EntityManager = this.dataSource.manager): Promise<LookupAccountsResult> {
    const invalid: LookupAccountsResult['invalid'] = [];
    const normalised = new Set<string>();
    for (const input of emails) {
      const result = normalizeEmail(input);
      if (result.ok) normalised.add(result.email);
      else invalid.push({ input, reason: result.reason });
    }
    const all = [...normalised];
    const registered: LookupAccountsResult['registered'] = [];
    for (let start = 0; start < all.length; start += LOOKUP_CHUNK) {
      const rows: { id: string; email: string; display_name: string }[] = await manager.query(
        'SELECT id, email, display_name FROM invite.accounts WHERE email = ANY($1::text[]) AND email_verified_at IS NOT NULL',
        [all.slice(start, start + LOOKUP_CHUNK)],
      );
      for (const row of rows) registered.push({ email: row.email, accountId: row.id, displayName: row.display_name });
    }
    return { registered, invalid };
  }

  /** Sign-in: the same answer, after the same work, for an unknown address and a wrong password. */
  async verifyCredentials(rawEmail: string, password: string): Promise<AccountView> {
    const denied = new DomainError(ERROR_CODES.AUTH_INVALID_CREDENTIALS, 'The email address or password is not right.');
    const normalised = normalizeEmail(rawEmail);
    const account = normalised.ok
      ? await this.dataSource.manager
          .createQueryBuilder(AccountEntity, 'a')
          .addSelect('a.passwordHash')
          .where('a.email = :email', { email: normalised.email })
          .getOne()
      : null;
    if (!account) {
      await this.hasher.burn(password);
      throw denied;
    }
    if (!(await this.hasher.verify(account.passwordHash, password))) throw denied;
    return toAccountView(account);
  }
}
