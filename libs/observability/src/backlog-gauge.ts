import { Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';

export interface BacklogGaugeOptions {
  name: string;
  help: string;
  /** The label that tells the states apart (e.g. "state": queued, retrying). */
  label: string;
  /** The count per label value, read from the database when Prometheus scrapes (one set-based query). */
  read: () => Promise<Record<string, number>>;
}

/**
 * A gauge of work waiting, read at scrape time — what an autoscaler scales on (deploy/k8s: the
 * HorizontalPodAutoscalers of invite and notification). The figure is installation-wide, so every
 * replica reports the same value: aggregate with max(), not sum(). When the database does not answer,
 * the scrape still succeeds with the last values read (the failure is logged), so /metrics never fails
 * because of it.
 */
export function registerBacklogGauge(registry: Registry, options: BacklogGaugeOptions): Gauge<string> {
  const logger = new Logger('Metrics');
  return new Gauge({
    name: options.name,
    help: options.help,
    labelNames: [options.label],
    registers: [registry],
    async collect() {
      try {
        for (const [value, count] of Object.entries(await options.read())) this.set({ [options.label]: value }, count);
      } catch (error) {
        logger.warn(`${options.name} not refreshed: ${(error as Error).message}`);
      }
    },
  });
}
