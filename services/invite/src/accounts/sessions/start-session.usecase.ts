import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, ERROR_CODES, StartedSession } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InviteEnv, INVITE_SCHEMA } from '../../invite.config';
import { ResolveSession } from './resolve-session.usecase';
import { newSessionSecret, sessionTokenHash } from './session-token';

/** Sign-in's second half: a new browser session for an account whose credentials were verified. */
@Injectable()
export class StartSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: InviteEnv,
    private readonly resolveSession: ResolveSession,
  ) {}

  async execute(accountId: string): Promise<StartedSession> {
    const token = newSessionSecret();
    const csrfToken = newSessionSecret();
    const rows: { expires_at: Date }[] = await this.dataSource.query(
      `INSERT INTO ${INVITE_SCHEMA}.sessions (id, account_id, token_hash, csrf_token, expires_at)
       SELECT $1, a.id, $3, $4, now() + make_interval(hours => $5) FROM ${INVITE_SCHEMA}.accounts a WHERE a.id = $2
       RETURNING expires_at`,
      [randomUUID(), accountId, sessionTokenHash(token), csrfToken, this.env.SESSION_ABSOLUTE_HOURS],
    );
    if (rows.length === 0) throw new DomainError(ERROR_CODES.ACCOUNT_NOT_FOUND, 'No such account.');
    const session = await this.resolveSession.execute(token);
    return { ...session, token };
  }
}
