import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACCOUNT_EVENTS, DomainError, ERROR_CODES } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { INVITE_SCHEMA } from '../invite.config';

/** How new an account must be for discardUnused: a set-up undoes its own step at once, never later. */
const DISCARD_WITHIN = '10 minutes';

@Injectable()
export class DiscardUnusedAccount {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Deletes an account made moments ago (DISCARD_WITHIN) that nothing uses yet — never signed in, no invite
   * accepted, no membership on its way — together with its account-created event if that is still
   * unsent. For a set-up that failed after creating it (bootstrap); anything else is refused.
   */
  async execute(accountId: string): Promise<{ discarded: true }> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ id: string }[], number] = await manager.query(
        `DELETE FROM ${INVITE_SCHEMA}.accounts a
         WHERE a.id = $1 AND a.created_at > now() - $2::interval
           AND NOT EXISTS (SELECT 1 FROM ${INVITE_SCHEMA}.sessions s WHERE s.account_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM ${INVITE_SCHEMA}.invites i WHERE i.accepted_account_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM ${INVITE_SCHEMA}.membership_grants g WHERE g.account_id = a.id)
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
        `DELETE FROM ${INVITE_SCHEMA}.outbox WHERE sent_at IS NULL AND event_name = $1 AND payload->>'accountId' = $2`,
        [ACCOUNT_EVENTS.CREATED, accountId],
      );
      return { discarded: true as const };
    });
  }
}
