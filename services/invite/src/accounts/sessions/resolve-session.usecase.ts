import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, SessionView, StartedSession, DomainError } from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { InviteEnv, INVITE_SCHEMA } from '../../invite.config';
import { isWellFormedSessionToken, newSessionSecret, sessionTokenHash } from './session-token';

/**
 * A session's last_seen_at is written at most this often: resolving a cookie is then one indexed read
 * on almost every request, and the idle timeout is exact to within this much.
 */
const TOUCH_AFTER = '1 minute';

/** Ended and timed-out sessions are deleted this long after they stopped counting (housekeeping). */
const ENDED_SESSION_RETENTION_MINUTES = 24 * 60;

interface LiveSessionRow {
  id: string;
  csrf_token: string;
  expires_at: Date;
  stale: boolean;
  account_id: string;
  email: string;
  display_name: string;
  is_operator: boolean;
  account_created_at: Date;
}

const sessionEnded = () =>
  new DomainError(ERROR_CODES.AUTH_REQUIRED, 'Your session has ended or expired. Sign in again.');

/**
 * Browser sessions, owned here because accounts are: the gateway keeps no state. A session lives until
 * it is ended (sign-out, account removal), nobody used it for SESSION_IDLE_MINUTES, or it is
 * SESSION_ABSOLUTE_HOURS old, whichever comes first.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: InviteEnv,
  ) {}

  async start(accountId: string): Promise<StartedSession> {
    const token = newSessionSecret();
    const csrfToken = newSessionSecret();
    const rows: { expires_at: Date }[] = await this.dataSource.query(
      `INSERT INTO ${INVITE_SCHEMA}.sessions (id, account_id, token_hash, csrf_token, expires_at)
       SELECT $1, a.id, $3, $4, now() + make_interval(hours => $5) FROM ${INVITE_SCHEMA}.accounts a WHERE a.id = $2
       RETURNING expires_at`,
      [randomUUID(), accountId, sessionTokenHash(token), csrfToken, this.env.SESSION_ABSOLUTE_HOURS],
    );
    if (rows.length === 0) throw new DomainError(ERROR_CODES.ACCOUNT_NOT_FOUND, 'No such account.');
    const session = await this.resolve(token);
    return { ...session, token };
  }

  /** The live session a cookie names, kept alive (sliding idle timeout); ended or expired ones are refused. */
  async resolve(token: string): Promise<SessionView> {
    if (!isWellFormedSessionToken(token)) throw sessionEnded();
    const [row]: LiveSessionRow[] = await this.dataSource.query(
      `SELECT s.id, s.csrf_token, s.expires_at, s.last_seen_at < now() - $3::interval AS stale,
              a.id AS account_id, a.email, a.display_name, a.is_operator, a.created_at AS account_created_at
         FROM ${INVITE_SCHEMA}.sessions s JOIN ${INVITE_SCHEMA}.accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [sessionTokenHash(token), this.env.SESSION_IDLE_MINUTES, TOUCH_AFTER],
    );
    if (!row) throw sessionEnded();
    if (row.stale)
      await this.dataSource.query(`UPDATE ${INVITE_SCHEMA}.sessions SET last_seen_at = now() WHERE id = $1`, [row.id]);
    return {
      account: {
        id: row.account_id,
        email: row.email,
        displayName: row.display_name,
        isOperator: row.is_operator,
        createdAt: row.account_created_at.toISOString(),
      },
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** Sign-out. Ending a session that is unknown or already over is not an error (the cookie is cleared either way). */
  async end(token: string): Promise<{ ended: boolean }> {
    if (!isWellFormedSessionToken(token)) return { ended: false };
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`,
      [sessionTokenHash(token)],
    );
    return { ended: count > 0 };
  }

  /** Every live session of an account (sign out everywhere, account removal). */
  async endAll(accountId: string): Promise<{ ended: number }> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL`,
      [accountId],
    );
    return { ended: count };
  }

  /** Housekeeping: deletes sessions that stopped counting more than a day ago. */
  async pruneOld(): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${INVITE_SCHEMA}.sessions
        WHERE ended_at < now() - make_interval(mins => $1)
           OR expires_at < now() - make_interval(mins => $1)
           OR last_seen_at < now() - make_interval(mins => $1 + $2)`,
      [ENDED_SESSION_RETENTION_MINUTES, this.env.SESSION_IDLE_MINUTES],
    );
    return count;
  }
}
