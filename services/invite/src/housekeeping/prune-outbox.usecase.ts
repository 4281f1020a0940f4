import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OUTBOX_RETENTION } from './housekeeping.constants';
import { INVITE_SCHEMA } from '../invite.config';

/**
 * Deletes published outbox rows after OUTBOX_RETENTION: invite.invite.created/resent carry raw accept
 * tokens, which must not outlive their delivery in the invite service's database. Unsent rows stay.
 */
@Injectable()
export class PruneOutbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${INVITE_SCHEMA}.outbox WHERE sent_at IS NOT NULL AND sent_at < now() - $1::interval`,
      [OUTBOX_RETENTION],
    );
    return count;
  }
}
