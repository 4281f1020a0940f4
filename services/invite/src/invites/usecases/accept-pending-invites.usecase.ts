import { Injectable } from '@nestjs/common';
import { INVITE_EVENTS } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import type { EntityManager } from 'typeorm';
import { InviteeAccount, InvitesRepository } from '../data/invites.repository';
import { inviteStateEvents } from '../domain/invite-events';
import { InviteRow } from '../domain/invite-row';
import { MembershipGrantsRepository } from '../grants/membership-grants.repository';

/**
 * The one way invites become memberships, inside the caller's transaction: every live pending invite
 * of these accounts' addresses, in every Hub, is marked accepted for the account; a membership grant is
 * recorded per invite (worked off by MembershipGrantWorker), and invite.invite.accepted is recorded
 * per Hub. Used by the accept page, by the invite.account.created consumer (an account that appeared by
 * another route) and by the housekeeping pickup that closes the race between the two.
 */
@Injectable()
export class AcceptPendingInvites {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly grants: MembershipGrantsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async acceptIn(manager: EntityManager, accounts: InviteeAccount[], reason?: string): Promise<InviteRow[]> {
    const accepted = await this.invites.acceptPendingOf(manager, accounts);
    if (accepted.length === 0) return [];
    const byEmail = new Map(accounts.map((a) => [a.email, a]));
    await this.grants.add(
      manager,
      accepted.map((row) => {
        const account = byEmail.get(row.email)!;
        return {
          inviteId: row.id,
          hubId: row.hub_id,
          accountId: account.accountId,
          email: account.email,
          displayName: account.displayName,
          userType: row.user_type,
          addedBy: row.inviter_account_id,
        };
      }),
    );
    await this.outbox.add(
      manager,
      inviteStateEvents(INVITE_EVENTS.ACCEPTED, accepted, (row) => row.accepted_account_id, reason),
    );
    return accepted;
  }
}
