import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InviteEnv, INVITE_SCHEMA } from '../../invite.config';

/** Ended and timed-out sessions are deleted this long after they stopped counting (housekeeping). */
const ENDED_SESSION_RETENTION_MINUTES = 24 * 60;

@Injectable()
export class PruneOldSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: InviteEnv,
  ) {}

  /** Housekeeping: deletes sessions that stopped counting more than a day ago. */
  async execute(): Promise<number> {
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
