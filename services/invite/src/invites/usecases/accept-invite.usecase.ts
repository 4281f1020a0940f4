import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AcceptInviteRequest, AcceptInviteResult } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource, EntityManager } from 'typeorm';
import { toAccountView } from '../../accounts/account-view';
import { OpenAccount } from '../../accounts/open-account.usecase';
import { MembershipGrantWorker } from '../../membership-grants/membership-grant.worker';
import { InvitesRepository } from '../data/invites.repository';
import { InviteErrors, closedInviteError } from '../domain/invite-errors';
import { hashInviteToken, isWellFormedInviteToken } from '../domain/invite-token';
import { AcceptPendingInvites } from './accept-pending-invites.usecase';
import { expireIfLapsed } from './expire-if-lapsed.usecase';

/**
 * The accept page's submit. In ONE transaction: serialise on the invited address, lock the invite row,
 * check it is pending and not lapsed, create the account (password policy, unique address), and accept
 * every pending invite of that address in every Hub, with their membership grants and
 * invite.invite.accepted events. After the commit the memberships are granted through the hub; a grant
 * the hub cannot confirm now is retried by MembershipGrantWorker's loop, so the account never ends up
 * without the memberships it was promised.
 */
@Injectable()
export class AcceptInvite {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: OpenAccount,
    private readonly invites: InvitesRepository,
    private readonly acceptPending: AcceptPendingInvites,
    private readonly grants: MembershipGrantWorker,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ token, displayName, password }: AcceptInviteRequest): Promise<AcceptInviteResult> {
    if (!isWellFormedInviteToken(token)) throw InviteErrors.notFound();
    const tokenHash = hashInviteToken(token);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.lockInvite(manager, tokenHash);
      if (row.status !== 'pending') throw closedInviteError(row.status);
      if (await expireIfLapsed(manager, this.invites, this.outbox, row)) return { expired: true as const };
      // The token went to this address: accepting proves the mailbox, so the address is verified.
      const account = await this.accounts.createIn(manager, {
        email: row.email,
        displayName,
        password,
        emailVerified: true,
      });
      const accepted = await this.acceptPending.acceptIn(manager, [
        { accountId: account.id, email: account.email, displayName: account.displayName },
      ]);
      return { expired: false as const, account, accepted, hubId: row.hub_id };
    });
    if (outcome.expired) throw InviteErrors.expired();

    const granted = await this.grants.grantNow(outcome.accepted.map(({ grantId }) => grantId));
    return {
      account: toAccountView(outcome.account),
      hubId: outcome.hubId,
      memberships: outcome.accepted.map(({ invite, grantId }) => ({
        hubId: invite.hub_id,
        hubName: invite.hub_name,
        userType: invite.user_type,
        granted: granted.has(grantId),
      })),
    };
  }

  /**
   * Two accepts of one address (the same token twice, or invites of two Hubs) queue on an advisory lock
   * on the address, so they never deadlock on each other's invite rows and the account unique key; then
   * the invite row itself is locked and read again: the second one sees what the first did.
   */
  private async lockInvite(manager: EntityManager, tokenHash: string) {
    const peek = await this.invites.findByTokenHash(manager, tokenHash);
    if (!peek) throw InviteErrors.notFound();
    await this.acceptPending.serialiseOnAddress(manager, peek.email);
    const row = await this.invites.findByTokenHash(manager, tokenHash, { lock: true });
    if (!row) throw InviteErrors.notFound();
    return row;
  }
}
