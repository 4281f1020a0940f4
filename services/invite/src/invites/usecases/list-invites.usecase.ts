import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InviteView, ListInvitesRequest, Page, pageWindow } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { toInviteView } from '../domain/invite-row';
import { HubClient } from '../../hub/hub-client';

/** Pending invites of a Hub that can still be accepted: Hub admins see all, Team Members their own. */
@Injectable()
export class ListInvites {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly invites: InvitesRepository,
  ) {}

  async execute(request: ListInvitesRequest): Promise<Page<InviteView>> {
    const { actor, hubId } = request;
    const { limit, offset } = pageWindow(request);
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invites.list');
    const inviter = access.scope === 'all' ? null : actor.accountId;
    const { rows, total } = await this.invites.listLive(this.dataSource.manager, hubId, inviter, limit, offset);
    return { items: rows.map(toInviteView), total, limit, offset };
  }
}
