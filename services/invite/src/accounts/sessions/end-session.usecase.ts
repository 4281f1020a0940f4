import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INVITE_SCHEMA } from '../../invite.config';
import { isWellFormedSessionToken, sessionTokenHash } from './session-token';

@Injectable()
export class EndSession {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sign-out. Ending a session that is unknown or already over is not an error (the cookie is cleared either way). */
  async execute(token: string): Promise<{ ended: boolean }> {
    if (!isWellFormedSessionToken(token)) return { ended: false };
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`,
      [sessionTokenHash(token)],
    );
    return { ended: count > 0 };
  }
}
