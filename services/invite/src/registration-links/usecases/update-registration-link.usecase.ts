import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkSettings,
  RegistrationLinkStateChangedPayload,
  RegistrationLinkUpdatedPayload,
  RegistrationLinkView,
  UpdateRegistrationLinkRequest,
  PendingEvent,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { normaliseAllowedDomains } from '../domain/allowed-domains';
import { RegistrationLinkErrors } from '../domain/registration-link-errors';
import { settingsOf } from '../domain/registration-link-row';
import { RegistrationLinkTokens } from '../domain/registration-link-token';
import { HubClient } from '../../hub/hub-client';
import { RegistrationLinkViews } from './link-views';

const SETTING_FIELDS = ['userType', 'expiresAt', 'maxUses', 'allowedDomains'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Hub admins: enable or disable the link and change its settings, in one transaction with the events
 * that announce it (enabled / disabled, and updated with the changed fields). The first enable issues
 * the token; disabling keeps it, so enabling again brings the same URL back (rotate for a new one).
 * A request that changes nothing records nothing.
 */
@Injectable()
export class UpdateRegistrationLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly links: RegistrationLinksRepository,
    private readonly tokens: RegistrationLinkTokens,
    private readonly views: RegistrationLinkViews,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(request: UpdateRegistrationLinkRequest): Promise<RegistrationLinkView> {
    const { actor, hubId } = request;
    const { hub, membership } = await this.hubs.authorise(actor.accountId, hubId, 'registration-link.manage');
    const allowedDomains =
      request.allowedDomains === undefined ? undefined : normaliseAllowedDomains(request.allowedDomains);
    const expiresAt =
      request.expiresAt === undefined || request.expiresAt === null
        ? request.expiresAt
        : new Date(request.expiresAt).toISOString();

    const row = await this.dataSource.transaction(async (manager) => {
      let link = await this.links.ensureLocked(manager, hub, actor.accountId);
      const before = settingsOf(link);
      const after: RegistrationLinkSettings = {
        enabled: request.enabled ?? before.enabled,
        userType: request.userType ?? before.userType,
        expiresAt: expiresAt === undefined ? before.expiresAt : expiresAt,
        maxUses: request.maxUses === undefined ? before.maxUses : request.maxUses,
        allowedDomains: allowedDomains ?? before.allowedDomains,
      };
      if (after.expiresAt !== null && after.expiresAt !== before.expiresAt) {
        if (!(await this.links.isFuture(manager, after.expiresAt))) throw RegistrationLinkErrors.expiryInPast();
      }
      const changes = SETTING_FIELDS.filter((field) => !same(before[field], after[field])).map((field) => ({
        field,
        from: before[field],
        to: after[field],
      }));
      if (changes.length === 0 && before.enabled === after.enabled) return link;

      if (after.enabled && !link.token_hash) {
        link = await this.links.replaceToken(manager, link, this.tokens.issue(link.id), actor.accountId);
      }
      link = await this.links.saveSettings(manager, link.id, after, actor.accountId);

      const base = { hubId: hub.id, tenancyId: hub.tenancyId, actorAccountId: actor.accountId, linkId: link.id };
      const events: PendingEvent[] = [];
      if (before.enabled !== after.enabled) {
        const payload: RegistrationLinkStateChangedPayload = { ...base, settings: after };
        events.push({
          name: after.enabled ? REGISTRATION_LINK_EVENTS.ENABLED : REGISTRATION_LINK_EVENTS.DISABLED,
          payload,
        });
      }
      if (changes.length > 0) {
        const payload: RegistrationLinkUpdatedPayload = { ...base, changes, settings: after };
        events.push({ name: REGISTRATION_LINK_EVENTS.UPDATED, payload });
      }
      await this.outbox.add(manager, events);
      return link;
    });
    return this.views.forMember(hubId, row, membership);
  }
}
