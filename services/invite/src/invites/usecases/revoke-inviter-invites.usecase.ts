import { Injectable } from '@nestjs/common';
import { INVITE_EVENTS, MembershipView } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import type { EntityManager } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { inviteStateEvents } from '../domain/invite-events';
import { InviteRow } from '../domain/invite-row';

export type InviterRevokeReason = 'inviter_lost_permission' | 'inviter_removed';

/**
 * Whether a membership may send invites, by PRODUCT.md's matrix (the hub's permission-matrix.ts is the
 * authority; this reads the same three fields off a hub.member.changed payload): a Team Member who is
 * a Hub admin or whose invite permission is on.
 */
export function mayInvite(membership: Pick<MembershipView, 'userType' | 'isHubAdmin' | 'canInvite'>): boolean {
  return membership.userType === 'TEAM_MEMBER' && (membership.isHubAdmin || membership.canInvite);
}

/**
 * Decision (docs/invites.md): an invite is sent on its inviter's authority, so when the inviter can no
 * longer invite in that Hub (permission off, became an External Member, removed) their pending invites
 * are revoked, with invite.invite.revoked naming who made the change and why. Re-inviting is one click
 * for anyone who still may.
 */
@Injectable()
export class RevokeInviterInvites {
  constructor(
    private readonly invites: InvitesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async revokeIn(
    manager: EntityManager,
    hubId: string,
    inviterAccountId: string,
    changedBy: string | null,
    reason: InviterRevokeReason,
  ): Promise<InviteRow[]> {
    const revoked = await this.invites.revokePendingOfInviter(manager, hubId, inviterAccountId, changedBy, reason);
    await this.outbox.add(
      manager,
      inviteStateEvents(INVITE_EVENTS.REVOKED, revoked, () => changedBy, reason),
    );
    return revoked;
  }
}
