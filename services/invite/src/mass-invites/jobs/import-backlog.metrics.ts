import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, registerBacklogGauge } from '@gatehouse/observability';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/**
 * `gatehouse_mass_invite_jobs_waiting{state}`: mass invites queued or running, installation-wide — the
 * invite autoscaler's metric (one replica runs one job at a time, so queued jobs are work for more
 * replicas).
 */
@Injectable()
export class ImportBacklogMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, dataSource: DataSource) {
    registerBacklogGauge(registry, {
      name: 'gatehouse_mass_invite_jobs_waiting',
      help: 'Mass invites not finished yet across the installation: queued, and running (incl. parsing)',
      label: 'state',
      read: async () => {
        const [row] = (await dataSource.query(
          `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
                  count(*) FILTER (WHERE status <> 'queued')::int AS running
           FROM invite.import_jobs WHERE status IN ('queued', 'parsing', 'running')`,
        )) as { queued: number; running: number }[];
        return { queued: row.queued, running: row.running };
      },
    });
  }
}
