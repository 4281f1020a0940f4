import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DeliveryView,
  InviteLinkRefusal,
  NOTIFICATION_ERROR_CODES,
  RetryDeliveryRequest,
  DomainError,
} from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { ONE_TIME_LINK_VARS, publicStatus, toDeliveryView } from './delivery-record';
import { DeliveryRepository } from './delivery.repository';
import { InviteLinkRenewal } from './invite-link-renewal';
import { DeliveryWorker } from './delivery.worker';

/**
 * A failed delivery goes back to the queue with its attempts reset; anything else is refused. A failed
 * invite email lost its link (ONE_TIME_LINK_VARS): the invite service gives its invite a new one, which the
 * same row carries when it goes out again (docs/decisions.md, "A retried invite email gets a new link").
 *
 * The gateway lets only tenant admins of the tenancy and operators call; the invite service checks the actor
 * again when a retry asks it for new invite links.
 */
@Injectable()
export class RetryDelivery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly links: InviteLinkRenewal,
  ) {}

  async execute({ actor, tenancyId, deliveryId }: RetryDeliveryRequest): Promise<DeliveryView> {
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
