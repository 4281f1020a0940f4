import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../invites/data/invites.repository';
import { INVITE_CHUNK_SIZE } from '../invites/invites.constants';
import { AcceptPendingInvites } from '../invites/usecases/accept-pending-invites.usecase';

/**
 * The safety net behind the invite.account.created consumer: an invite committed at the very moment
 * its address registered (after the consumer looked) would otherwise stay pending for an existing
 * account. Finds such invites and accepts them for the account; their grants follow in the same
 * housekeeping round.
 */
@Injectable()
export class PickUpRegisteredInviteesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InvitesRepository,
    private readonly acceptPending: AcceptPendingInvites,
  ) {}

  async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const accepted = await this.dataSource.transaction(async (manager) => {
        const accounts = await this.invites.registeredInvitees(manager, INVITE_CHUNK_SIZE);
        return accounts.length === 0 ? [] : this.acceptPending.acceptIn(manager, accounts, 'account_registered');
      });
      total += accepted.length;
      if (accepted.length === 0) return total;
    }
  }
}
