import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { ACCOUNT_EVENTS, AccountCreatedPayload, EventEnvelope } from '@gatehouse/contracts';
import { claimMessage } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { MembershipGrantWorker } from '../grants/membership-grant.worker';
import { INVITE_DB_SCHEMA } from '../invites.constants';
import { AcceptPendingInvites } from '../usecases/accept-pending-invites.usecase';

/**
 * An account that appears by any route (the accounts RPC, a confirmed registration-link sign-up, another
 * Hub's invite) picks up the pending invites for its address: they become memberships (PRODUCT.md
 * "Inviting", 5) — but only if its address is verified (read from the table, not the event): an account
 * that has not proven the mailbox must not collect what was sent to it. For an account made on the
 * accept page this finds nothing left to do: the accept took them all.
 */
@Controller()
export class AccountCreatedConsumer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly acceptPending: AcceptPendingInvites,
    private readonly grants: MembershipGrantWorker,
  ) {}

  @EventPattern(ACCOUNT_EVENTS.CREATED)
  async onAccountCreated(@Payload() envelope: EventEnvelope<AccountCreatedPayload>): Promise<void> {
    const { accountId, email, displayName } = envelope.payload;
    const accepted = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, INVITE_DB_SCHEMA, envelope.id, 'pending-invites'))) return [];
      const verified: unknown[] = await manager.query(
        'SELECT 1 FROM invite.accounts WHERE id = $1 AND email_verified_at IS NOT NULL',
        [accountId],
      );
      if (verified.length === 0) return [];
      return this.acceptPending.acceptIn(manager, [{ accountId, email, displayName }], 'account_registered');
    });
    await this.grants.grantNow(accepted.map((row) => row.id));
  }
}
