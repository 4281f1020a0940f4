import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkStateChangedPayload,
  RegistrationLinkView,
  RotateRegistrationLinkRequest,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { settingsOf } from '../domain/registration-link-row';
import { RegistrationLinkTokens } from '../domain/registration-link-token';
import { HubClient } from '../../hub/hub-client';
import { RegistrationLinkViews } from '../registration-link-views';

/**
 * Hub admins: a new token, at once. The old URL stops working when this commits (its hash is no longer
 * the link's; it is remembered as retired so its page can say "replaced"). Enabled or not, settings and
 * use count stay as they are.
 */
@Injectable()
export class RotateRegistrationLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly links: RegistrationLinksRepository,
    private readonly tokens: RegistrationLinkTokens,
    private readonly views: RegistrationLinkViews,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, hubId }: RotateRegistrationLinkRequest): Promise<RegistrationLinkView> {
    const { hub, membership } = await this.hubs.authorise(actor.accountId, hubId, 'registration-link.manage');
    const row = await this.dataSource.transaction(async (manager) => {
      const link = await this.links.ensureLocked(manager, hub, actor.accountId);
      const rotated = await this.links.replaceToken(manager, link, this.tokens.issue(link.id), actor.accountId);
      const payload: RegistrationLinkStateChangedPayload = {
        hubId: hub.id,
        tenancyId: hub.tenancyId,
        actorAccountId: actor.accountId,
        linkId: link.id,
        settings: settingsOf(rotated),
      };
      await this.outbox.add(manager, { name: REGISTRATION_LINK_EVENTS.ROTATED, payload });
      return rotated;
    });
    return this.views.forMember(hubId, row, membership);
  }
}
