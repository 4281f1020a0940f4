import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@gatehouse/observability';
import { Counter, Registry } from 'prom-client';

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'interrupted' | 'queued';

/** Prometheus counters of the delivery lifecycle. */
@Injectable()
export class DeliveryMetrics {
  readonly outcomes: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.outcomes = new Counter({
      name: 'gatehouse_email_deliveries_total',
      help: 'Email deliveries by outcome: queued, sent, retry (transient failure), failed, interrupted',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }

  count(outcome: DeliveryOutcome, by = 1): void {
    if (by > 0) this.outcomes.inc({ outcome }, by);
  }
}
