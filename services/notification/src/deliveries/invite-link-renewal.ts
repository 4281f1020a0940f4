import { Injectable } from '@nestjs/common';
import {
  Actor,
  INVITE_PATTERNS,
  InviteLinkRefusal,
  MAX_RENEW_LINKS,
  RenewInviteLinksResult,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';

/** A failed invite email whose link was dropped, to be sent again with a new one. */
export interface LinklessInviteEmail {
  deliveryId: string;
  inviteId: string;
  createdAt: Date;
}

export interface RenewedLinks {
  /** Delivery id → the new accept link. */
  acceptUrls: Map<string, string>;
  /** Delivery id → why its invite gets no new link. */
  refused: Map<string, InviteLinkRefusal>;
}

/**
 * Asks the invite service (which owns invites and their tokens, and checks that the actor may) for new
 * links for failed invite emails: one call per MAX_RENEW_LINKS emails. The links live only in the vars of
 * the requeued deliveries, dropped again once they are sent or fail.
 */
@Injectable()
export class InviteLinkRenewal {
  constructor(private readonly rpc: RpcClient) {}

  async renew(actor: Actor, tenancyId: string, emails: LinklessInviteEmail[]): Promise<RenewedLinks> {
    const acceptUrls = new Map<string, string>();
    const refused = new Map<string, InviteLinkRefusal>();
    // Two failed emails of one invite (a resend that failed too): only the newer goes out again.
    const newest = new Map<string, LinklessInviteEmail>();
    for (const email of emails) {
      const other = newest.get(email.inviteId);
      const [kept, older] = !other || other.createdAt < email.createdAt ? [email, other] : [other, email];
      newest.set(email.inviteId, kept);
      if (older) refused.set(older.deliveryId, 'resent');
    }
    const wanted = [...newest.values()];
    for (let start = 0; start < wanted.length; start += MAX_RENEW_LINKS) {
      const chunk = wanted.slice(start, start + MAX_RENEW_LINKS);
      const deliveryOf = new Map(chunk.map((email) => [email.inviteId, email.deliveryId]));
      const result: RenewInviteLinksResult = await this.rpc.call(INVITE_PATTERNS.RENEW_LINKS, {
        actor,
        tenancyId,
        invites: chunk.map((email) => ({ inviteId: email.inviteId, emailCreatedAt: email.createdAt.toISOString() })),
      });
      for (const { inviteId, acceptUrl } of result.renewed) acceptUrls.set(deliveryOf.get(inviteId)!, acceptUrl);
      for (const { inviteId, reason } of result.refused) refused.set(deliveryOf.get(inviteId)!, reason);
    }
    return { acceptUrls, refused };
  }
}
