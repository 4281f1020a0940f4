import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_EVENTS, InviteView, RevokeInviteRequest } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { InviteErrors } from '../domain/invite-errors';
import { inviteStateEvents } from '../domain/invite-events';
import { toInviteView } from '../domain/invite-row';
import { HubClient } from '../../hub/hub-client';
import { findManageableInvite } from './find-manageable-invite.usecase';
import { expireIfLapsed } from './expire-if-lapsed.usecase';

/**
 * Withdraws a pending invite: its link stops working at once and invite.invite.revoked is recorded.
 * Revoking a revoked invite answers with it unchanged (idempotent); an accepted or expired one is
 * INVITE.NOT_PENDING.
 */
@Injectable()
export class RevokeInvite {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly invites: InvitesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, hubId, inviteId }: RevokeInviteRequest): Promise<InviteView> {
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invites.manage');
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await findManageableInvite(manager, this.invites, access, actor.accountId, hubId, inviteId);
      if (row.status === 'revoked') return { view: toInviteView(row) };
      if (row.status !== 'pending') throw InviteErrors.notPending(row.status);
      if (await expireIfLapsed(manager, this.invites, this.outbox, row)) return { expired: true as const };
      const revoked = await this.invites.markRevoked(manager, [row.id], actor.accountId, 'revoked');
      await this.outbox.add(
        manager,
        inviteStateEvents(INVITE_EVENTS.REVOKED, revoked, () => actor.accountId, 'revoked'),
      );
      return { view: toInviteView(revoked[0]) };
    });
    if ('expired' in result) throw InviteErrors.notPending('expired');
    return result.view;
  }
}
