import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { claimMessage } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { NOTIFICATION_SCHEMA } from '../notification.config';
import { DeliveryBatch } from './delivery-record';
import { DeliveryMetrics } from './delivery.metrics';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryWorker } from './delivery.worker';

/** The inbox consumer name of the email-queuing handlers. */
export const DELIVERY_CONSUMER = `${NOTIFICATION_SCHEMA}.deliveries`;

/**
 * Queues the emails an event asks for: the inbox claim and one delivery row per recipient commit in one
 * transaction, so a redelivered event (same id) queues nothing, and a crash before commit leaves the
 * event unacked for redelivery. Nothing is sent here; the worker is only woken.
 */
@Injectable()
export class DeliveryIntake {
  private readonly logger = new Logger('DeliveryIntake');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
    private readonly metrics: DeliveryMetrics,
  ) {}

  async enqueue(batch: DeliveryBatch): Promise<number> {
    const queued = await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, NOTIFICATION_SCHEMA, batch.eventId, DELIVERY_CONSUMER))) return null;
      return this.deliveries.enqueue(manager, batch);
    });
    if (queued === null) {
      this.logger.debug(`event ${batch.eventId} was handled before; nothing queued`);
      return 0;
    }
    this.metrics.count('queued', queued);
    if (queued > 0) this.worker.wake();
    return queued;
  }
}
