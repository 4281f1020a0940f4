import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DEFAULT_PAGE_SIZE,
  DeliveryView,
  ERROR_CODES,
  InviteLinkRefusal,
  ListDeliveriesRequest,
  NOTIFICATION_ERROR_CODES,
  Page,
  RetryDeliveryRequest,
  RetryFailedDeliveriesRequest,
  RetryFailedDeliveriesResult,
  DomainError,
} from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { ONE_TIME_LINK_VARS, publicStatus, toDeliveryView } from './delivery-record';
import { DeliveryRepository } from './delivery.repository';
import { InviteLinkRenewal } from './invite-link-renewal';
import { DeliveryWorker } from './delivery.worker';

/**
 * The console's view of deliveries: listing, and asking again for a failed one.
 * Authorisation is the gateway's (it lets only tenant admins of the tenancy and operators call);
 * here, only a listing across every tenancy is limited to operators, and the invite service checks the
 * actor again when a retry asks it for new invite links.
 */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly links: InviteLinkRenewal,
  ) {}

  async list(request: ListDeliveriesRequest): Promise<Page<DeliveryView>> {
    const { actor, tenancyId, limit = DEFAULT_PAGE_SIZE, offset = 0 } = request;
    if (!tenancyId && !actor.isOperator) {
      throw new DomainError(
        ERROR_CODES.PERMISSION_DENIED,
        'Only a platform operator can list the deliveries of every tenancy.',
      );
    }
    const { hubId, status, template, recipient, from, to, correlationId } = request;
    const { rows, total } = await this.deliveries.list(
      { tenancyId, hubId, status, template, recipient, from, to, correlationId },
      limit,
      offset,
    );
    return { items: rows.map(toDeliveryView), total, limit, offset };
  }

  /**
   * A failed delivery goes back to the queue with its attempts reset; anything else is refused. A failed
   * invite email lost its link (ONE_TIME_LINK_VARS): the invite service gives its invite a new one, which the
   * same row carries when it goes out again (docs/decisions.md, "A retried invite email gets a new link").
   */
  async retry({ actor, tenancyId, deliveryId }: RetryDeliveryRequest): Promise<DeliveryView> {
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.deliveries.findForUpdate(manager, tenancyId, deliveryId);
      if (!current) {
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_FOUND,
          'There is no such delivery in this tenancy.',
          {
            deliveryId,
          },
        );
      }
      if (current.status !== 'failed') {
        const shown = publicStatus(current);
        throw new DomainError(
          NOTIFICATION_ERROR_CODES.DELIVERY_NOT_RETRYABLE,
          `Only a failed delivery can be retried; this one is ${shown}.`,
          { deliveryId, status: shown },
        );
      }
      // Emails whose link expires: sending a dead link helps nobody.
      const expiring = current.template === 'invite' || current.template === 'signup-confirm';
      const expiresAt = expiring ? String(current.vars?.expiresAt ?? '') : '';
      if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
        throw notRetryable(deliveryId, current.template === 'invite' ? 'expired' : 'signup-expired', { expiresAt });
      }
      if (!expiring || ONE_TIME_LINK_VARS.some((name) => current.vars?.[name])) {
        return this.deliveries.requeueFailed(manager, deliveryId);
      }
      const inviteId = current.template === 'invite' ? current.vars?.inviteId : undefined;
      if (typeof inviteId !== 'string') {
        throw notRetryable(deliveryId, current.template === 'invite' ? 'invite-link-gone' : 'signup-link-gone');
      }
      const email = { deliveryId, inviteId, createdAt: current.created_at };
      const { acceptUrls, refused } = await this.links.renew(actor, tenancyId, [email]);
      const acceptUrl = acceptUrls.get(deliveryId);
      if (!acceptUrl) throw notRetryable(deliveryId, refused.get(deliveryId) ?? 'not_found');
      return this.deliveries.requeueFailed(manager, deliveryId, acceptUrl);
    });
    this.worker.wake();
    return toDeliveryView(row);
  }

  /**
   * Every failed delivery of one mass invite (its correlation id) back in the queue, set-based; invite
   * emails whose link was dropped get new links (one invite-service call per MAX_RENEW_LINKS). What is left
   * failed is counted by why: the link expired, the invite is no longer pending or was resent since, or the
   * link is gone for good (sign-up confirmations) — as a single retry would refuse each.
   */
  async retryFailed({
    actor,
    tenancyId,
    correlationId,
  }: RetryFailedDeliveriesRequest): Promise<RetryFailedDeliveriesResult> {
    const { counts, refused } = await this.dataSource.transaction(async (manager) => {
      const linkless = await this.deliveries.lockFailedOf(manager, tenancyId, correlationId);
      const renewed = linkless.length > 0 ? await this.links.renew(actor, tenancyId, linkless) : null;
      const acceptUrls = renewed?.acceptUrls ?? new Map<string, string>();
      return {
        counts: await this.deliveries.requeueFailedOf(manager, tenancyId, correlationId, acceptUrls),
        refused: [...(renewed?.refused.values() ?? [])],
      };
    });
    if (counts.requeued > 0) this.worker.wake();
    const tally = (reasons: InviteLinkRefusal[]) => refused.filter((reason) => reasons.includes(reason)).length;
    return {
      requeued: counts.requeued,
      expired: counts.expired + tally(['expired']),
      notPending: tally(['accepted', 'revoked', 'not_found']),
      resent: tally(['resent']),
      linkGone: counts.linkGone,
    };
  }
}

type NotRetryableReason = InviteLinkRefusal | 'signup-expired' | 'invite-link-gone' | 'signup-link-gone';

const NOT_RETRYABLE: Record<NotRetryableReason, string> = {
  expired: 'This invite has expired; its link would not work. Resend the invite instead.',
  'signup-expired': 'This sign-up confirmation has expired; its link would not work. The person can sign up again.',
  accepted: 'This invite has been accepted since: the person has joined and needs no invite email.',
  revoked: 'This invite has been revoked since: there is no invite to send.',
  not_found: 'This invite no longer exists: there is nothing to send.',
  resent:
    'This invite was resent after this email failed: the newer email carries its link. Retry that one if it failed.',
  'invite-link-gone':
    "This invite's link is no longer stored (it is dropped when an email fails). Resend the invite from the Hub's pending invites: that sends a new link.",
  'signup-link-gone':
    'This sign-up confirmation link is no longer stored (it is dropped when an email fails). The person can sign up again.',
};

/** DELIVERY.NOT_RETRYABLE for a failed email that is not sent again, with why in `reason`. */
function notRetryable(deliveryId: string, reason: NotRetryableReason, extra: Record<string, string> = {}): DomainError {
  return new DomainError(NOTIFICATION_ERROR_CODES.DELIVERY_NOT_RETRYABLE, NOT_RETRYABLE[reason], {
    deliveryId,
    status: 'failed',
    reason,
    ...extra,
  });
}
