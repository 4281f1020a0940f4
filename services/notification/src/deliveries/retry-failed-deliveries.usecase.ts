import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InviteLinkRefusal, RetryFailedDeliveriesRequest, RetryFailedDeliveriesResult } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { DeliveryRepository } from './delivery.repository';
import { InviteLinkRenewal } from './invite-link-renewal';
import { DeliveryWorker } from './delivery.worker';

/**
 * Every failed delivery of one mass invite (its correlation id) back in the queue, set-based; invite
 * emails whose link was dropped get new links (one invite-service call per MAX_RENEW_LINKS). What is left
 * failed is counted by why: the link expired, the invite is no longer pending or was resent since, or the
 * link is gone for good (sign-up confirmations) — as a single retry would refuse each.
 *
 * The gateway lets only tenant admins of the tenancy and operators call; the invite service checks the actor
 * again when a retry asks it for new invite links.
 */
@Injectable()
export class RetryFailedDeliveries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly links: InviteLinkRenewal,
  ) {}

  async execute({
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
