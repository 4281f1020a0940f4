import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, registerBacklogGauge } from '@gatehouse/observability';
import { Registry } from 'prom-client';
import { DeliveryStatsRepository } from './delivery-stats.repository';

/** `gatehouse_email_deliveries_waiting{state}`: emails not sent yet, installation-wide (the notification autoscaler's metric). */
@Injectable()
export class DeliveryBacklogMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, stats: DeliveryStatsRepository) {
    registerBacklogGauge(registry, {
      name: 'gatehouse_email_deliveries_waiting',
      help: 'Emails not sent yet across the installation: queued (incl. being sent) and retrying',
      label: 'state',
      read: async () => {
        const backlog = await stats.backlog();
        return { queued: backlog.queued, retrying: backlog.retrying };
      },
    });
  }
}
