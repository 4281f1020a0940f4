import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { INVITE_SCHEMA } from '../../invite.config';

@Injectable()
export class EndAccountSessions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every live session of an account (sign out everywhere, account removal). */
  async execute(accountId: string): Promise<{ ended: number }> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `UPDATE ${INVITE_SCHEMA}.sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL`,
      [accountId],
    );
    return { ended: count };
  }
}
