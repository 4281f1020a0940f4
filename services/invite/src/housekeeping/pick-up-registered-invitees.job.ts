import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../invites/data/invites.repository';
import { INVITE_CHUNK_SIZE } from '../invites/invites.constants';
import { AcceptPendingInvites } from '../invites/usecases/accept-pending-invites/accept-pending-invites';
import { MembershipGrantWorker } from '../membership-grants/membership-grant.worker';

/**
 * The safety net behind "an account that appears accepts its address's pending invites in the same
 * transaction": an invite committed at the very moment its address registered is missed by both sides
 * (the invite's decision saw no registered account yet; the account's transaction saw no invite yet),
 * and would stay pending for an existing account. Finds such invites, accepts them for the account and
 * asks for their memberships at once (the grant worker retries what that does not settle).
 */
@Injectable()
export class PickUpRegisteredInviteesJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invites: InvitesRepository,
    private readonly acceptPending: AcceptPendingInvites,
    private readonly grants: MembershipGrantWorker,
  ) {}

  async run(): Promise<number> {
    let total = 0;
    for (;;) {
      const accepted = await this.dataSource.transaction(async (manager) => {
        const accounts = await this.invites.registeredInvitees(manager, INVITE_CHUNK_SIZE);
        return accounts.length === 0 ? [] : this.acceptPending.acceptIn(manager, accounts, 'account_registered');
      });
      await this.grants.grantNow(accepted.map(({ grantId }) => grantId));
      total += accepted.length;
      if (accepted.length === 0) return total;
    }
  }
}
