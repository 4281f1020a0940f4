import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GetRegistrationLinkRequest, RegistrationLinkView } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { HubClient } from '../../hub/hub-client';
import { RegistrationLinkViews } from '../registration-link-views';

/** A Hub's link for a member allowed to see it; a Hub without one reads as disabled (nothing is created). */
@Injectable()
export class GetRegistrationLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly links: RegistrationLinksRepository,
    private readonly views: RegistrationLinkViews,
  ) {}

  async execute({ actor, hubId }: GetRegistrationLinkRequest): Promise<RegistrationLinkView> {
    const { membership } = await this.hubs.authorise(actor.accountId, hubId, 'registration-link.view');
    const row = await this.links.findByHub(this.dataSource.manager, hubId);
    return this.views.forMember(hubId, row, membership);
  }
}
