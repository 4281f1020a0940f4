import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_EVENTS, InviteView, ResendInviteRequest } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { InviteErrors } from '../domain/invite-errors';
import { invitesIssuedEvents } from '../domain/invite-events';
import { expireIfLapsed } from './expire-if-lapsed.usecase';
import { PublicLinks } from '../../public-links/public-links';
import { toInviteView } from '../domain/invite-row';
import { reissueInvites } from './reissue-invites.usecase';
import { HubClient } from '../../hub/hub-client';
import { findManageableInvite } from './find-manageable-invite.usecase';

/**
 * Sends a pending invite again: a new token (the old link dies at once), a new expiry from the
 * tenancy's current policy, and invite.invite.resent. A lapsed invite is marked expired instead
 * (re-invite the address to send a fresh one).
 */
@Injectable()
export class ResendInvite {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly invites: InvitesRepository,
    private readonly links: PublicLinks,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, hubId, inviteId }: ResendInviteRequest): Promise<InviteView> {
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invites.resend');
    const result = await this.dataSource.transaction(async (manager) => {
      const row = await findManageableInvite(manager, this.invites, access, actor.accountId, hubId, inviteId);
      if (row.status !== 'pending') throw InviteErrors.notPending(row.status);
      if (await expireIfLapsed(manager, this.invites, this.outbox, row)) return { expired: true as const };
      const resent = await reissueInvites(manager, this.invites, this.links, [row], access.inviteExpiryDays);
      await this.outbox.add(manager, invitesIssuedEvents(INVITE_EVENTS.RESENT, resent, actor.accountId));
      return { expired: false as const, view: toInviteView(resent[0].row) };
    });
    if (result.expired) throw InviteErrors.expired();
    return result.view;
  }
}
