import { Controller, Get, Header, Injectable, Inject } from '@nestjs/common';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/** A registry per process with Node's default metrics, labelled with the service name. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

@Injectable()
export class MessageMetrics {
  readonly handled: Counter<'pattern' | 'outcome'>;
  readonly duration: Histogram<'pattern'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.handled = new Counter({
      name: 'gatehouse_messages_handled_total',
      help: 'RabbitMQ messages handled, by pattern and outcome',
      labelNames: ['pattern', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'gatehouse_message_duration_seconds',
      help: 'Time to handle one RabbitMQ message',
      labelNames: ['pattern'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    });
  }
}

/** Prometheus scrape endpoint. */
@Controller()
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
