import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACCOUNT_EVENTS,
  AccountCreatedPayload,
  CreateAccountRequest,
  DomainError,
  ERROR_CODES,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountEntity } from './account.entity';
import { checkNewAccount, NewAccount } from './new-account';
import { PasswordHasher } from './password-hasher';
import { INVITE_SCHEMA } from '../invite.config';

/**
 * The step every way of getting an account shares (the accounts RPC's create, accepting an invite, a
 * registration-link sign-up): check, hash, insert in the caller's transaction, announce.
 */
@Injectable()
export class OpenAccount {
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
    const { email, displayName } = checkNewAccount(request);
    const passwordHash = await this.hasher.hash(request.password);
    return this.insertIn(manager, {
      email,
      displayName,
      passwordHash,
      isOperator: request.isOperator ?? false,
      emailVerified: request.emailVerified ?? false,
    });
  }

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /** Inserts an already checked account (password already hashed) and records `invite.account.created`. */
  async insertIn(manager: EntityManager, account: NewAccount): Promise<AccountEntity> {
    const id = randomUUID();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${INVITE_SCHEMA}.accounts (id, email, display_name, password_hash, is_operator, email_verified_at)
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
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${INVITE_SCHEMA}.accounts WHERE email = $1`, [email]);
    return rows.length > 0;
  }
}
