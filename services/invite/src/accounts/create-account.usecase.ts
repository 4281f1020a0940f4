import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountView, CreateAccountRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { AcceptPendingInvites } from '../invites/usecases/accept-pending-invites/accept-pending-invites';
import { MembershipGrantWorker } from '../membership-grants/membership-grant.worker';
import { AccountsService, requireEmail, toAccountView } from './accounts.service';

/**
 * The accounts RPC's create (operators, bootstrap, tests). An account whose address is verified picks
 * up the pending invites for its address in the same transaction (PRODUCT.md "Inviting", 5): they are
 * accepted with reason `account_registered` and their memberships asked for after the commit. An
 * unverified account collects nothing: it has not proven the mailbox they were sent to.
 */
@Injectable()
export class CreateAccount {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly acceptPending: AcceptPendingInvites,
    private readonly grants: MembershipGrantWorker,
  ) {}

  async execute(request: CreateAccountRequest): Promise<AccountView> {
    const { account, accepted } = await this.dataSource.transaction(async (manager) => {
      if (request.emailVerified) await this.acceptPending.serialiseOnAddress(manager, requireEmail(request.email));
      const account = await this.accounts.createIn(manager, request);
      const accepted = account.emailVerifiedAt
        ? await this.acceptPending.acceptIn(
            manager,
            [{ accountId: account.id, email: account.email, displayName: account.displayName }],
            'account_registered',
          )
        : [];
      return { account, accepted };
    });
    await this.grants.grantNow(accepted.map(({ grantId }) => grantId));
    return toAccountView(account);
  }
}
