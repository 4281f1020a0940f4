import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionView } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { InviteEnv, INVITE_SCHEMA } from '../../invite.config';
import { sessionEnded } from './session-ended';
import { isWellFormedSessionToken, sessionTokenHash } from './session-token';

/**
 * A session's last_seen_at is written at most this often: resolving a cookie is then one indexed read
 * on almost every request, and the idle timeout is exact to within this much.
 */
const TOUCH_AFTER = '1 minute';

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

/**
 * Browser sessions, owned here because accounts are: the gateway keeps no state. A session lives until
 * it is ended (sign-out, account removal), nobody used it for SESSION_IDLE_MINUTES, or it is
 * SESSION_ABSOLUTE_HOURS old, whichever comes first.
 */
@Injectable()
export class ResolveSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: InviteEnv,
  ) {}

  /** The live session a cookie names, kept alive (sliding idle timeout); ended or expired ones are refused. */
  async execute(token: string): Promise<SessionView> {
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
}
