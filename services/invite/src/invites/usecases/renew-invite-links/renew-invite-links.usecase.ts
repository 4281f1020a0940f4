import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INVITE_EVENTS,
  InviteLinkRefusal,
  RenewInviteLinksRequest,
  RenewInviteLinksResult,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { InvitesRepository } from '../../data/invites.repository';
import { inviteStateEvents } from '../../domain/invite-events';
import { PublicLinks } from '../../../public-links/public-links';
import { InviteRow, effectiveStatus } from '../../domain/invite-row';
import { issueInviteToken } from '../../domain/invite-token';
import { HubClient } from '../../../hub/hub-client';

/**
 * New links for pending invites whose email failed, for the notification service's retry of that email
 * (a failed delivery keeps no raw token: see docs/decisions.md). Each live invite gets a new token (only its
 * hash is stored; the old link, which never arrived, stops working); its expiry and send record stay, and
 * no email is asked for here — the caller re-sends the failed one. Tenant admins of the tenancy and
 * operators (the retry's actor); recorded in the audit log as invite.link_renewed, naming them.
 */
@Injectable()
export class RenewInviteLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
    private readonly invites: InvitesRepository,
    private readonly links: PublicLinks,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ actor, tenancyId, invites }: RenewInviteLinksRequest): Promise<RenewInviteLinksResult> {
    await this.hubs.requireTenancyAdmin(actor, tenancyId);
    const emailCreatedAt = new Map(invites.map((invite) => [invite.inviteId, new Date(invite.emailCreatedAt)]));
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.invites.findInTenancy(manager, tenancyId, [...emailCreatedAt.keys()]);
      const found = new Map(rows.map((row) => [row.id, row]));
      const refused: RenewInviteLinksResult['refused'] = [];
      const live: InviteRow[] = [];
      for (const inviteId of emailCreatedAt.keys()) {
        const row = found.get(inviteId);
        const reason = row ? refusalOf(row, emailCreatedAt.get(inviteId)!) : 'not_found';
        if (reason) refused.push({ inviteId, reason });
        else live.push(row!);
      }
      const tokens = new Map(live.map((row) => [row.id, issueInviteToken()]));
      const renewed = await this.invites.replaceTokens(
        manager,
        live.map((row) => ({ id: row.id, tokenHash: tokens.get(row.id)!.hash })),
      );
      await this.outbox.add(
        manager,
        inviteStateEvents(INVITE_EVENTS.LINK_RENEWED, renewed, () => actor.accountId, 'email retried'),
      );
      return {
        renewed: renewed.map((row) => ({
          inviteId: row.id,
          acceptUrl: this.links.acceptUrl(tokens.get(row.id)!.token),
          expiresAt: row.expires_at.toISOString(),
        })),
        refused,
      };
    });
  }
}

/** Why an invite's failed email is not sent again, or null when it gets a new link. */
function refusalOf(row: InviteRow, emailCreatedAt: Date): InviteLinkRefusal | null {
  const status = effectiveStatus(row);
  if (status !== 'pending') return status;
  // Resent after the failed email was asked for: the newer email's link is live; renewing would kill it.
  if (row.last_sent_at.getTime() > emailCreatedAt.getTime()) return 'resent';
  return null;
}
