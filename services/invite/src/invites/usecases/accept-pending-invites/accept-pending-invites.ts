import { Injectable } from '@nestjs/common';
import { INVITE_EVENTS } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { MembershipGrantsRepository } from '../../../membership-grants/membership-grants.repository';
import { InviteeAccount, InvitesRepository } from '../../data/invites.repository';
import { inviteStateEvents } from '../../domain/invite-events';
import { InviteRow } from '../../domain/invite-row';

/** An invite just accepted, and the membership grant recorded for it (ask for it after the commit). */
export interface AcceptedInvite {
  invite: InviteRow;
  grantId: string;
}

/**
 * The one way invites become memberships, inside the caller's transaction: every live pending invite
 * of these accounts' addresses, in every Hub, is marked accepted for the account; a membership grant is
 * recorded per invite (the caller asks MembershipGrantWorker.grantNow for them after its commit; the
 * worker's loop retries what that does not settle), and invite.invite.accepted is recorded per Hub.
 * Used wherever an account with a verified address appears: the accept page, the accounts RPC, a
 * confirmed registration-link sign-up, and the housekeeping pickup that closes the race with an invite
 * committed at that moment. Callers pass only accounts whose address is verified.
 */
@Injectable()
export class AcceptPendingInvites {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly grants: MembershipGrantsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Makes this transaction wait for any other that accepts invites of, or creates an account for, this
   * (normalised) address: they would otherwise deadlock on the invite rows and the accounts' unique key,
   * each holding what the other waits for. Call it before either.
   */
  async serialiseOnAddress(manager: EntityManager, email: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`invite.accept:${email}`]);
  }

  async acceptIn(manager: EntityManager, accounts: InviteeAccount[], reason?: string): Promise<AcceptedInvite[]> {
    const rows = await this.invites.acceptPendingOf(manager, accounts);
    if (rows.length === 0) return [];
    const byEmail = new Map(accounts.map((a) => [a.email, a]));
    const accepted = rows.map((invite) => ({ invite, grantId: randomUUID() }));
    await this.grants.add(
      manager,
      accepted.map(({ invite, grantId }) => {
        const account = byEmail.get(invite.email)!;
        return {
          id: grantId,
          source: 'invite' as const,
          sourceId: invite.id,
          hubId: invite.hub_id,
          accountId: account.accountId,
          email: account.email,
          displayName: account.displayName,
          userType: invite.user_type,
          addedBy: invite.inviter_account_id,
        };
      }),
    );
    await this.outbox.add(
      manager,
      inviteStateEvents(INVITE_EVENTS.ACCEPTED, rows, (row) => row.accepted_account_id, reason),
    );
    return accepted;
  }
}
