import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY, registerBacklogGauge } from '@gatehouse/observability';
import { Registry } from 'prom-client';
import { ImportJobsRepository } from './import-jobs.repository';

/**
 * `gatehouse_mass_invite_jobs_waiting{state}`: mass invites queued or running, installation-wide — the
 * invite autoscaler's metric (one replica runs one job at a time, so queued jobs are work for more
 * replicas).
 */
@Injectable()
export class ImportBacklogMetrics {
  constructor(@Inject(METRICS_REGISTRY) registry: Registry, jobs: ImportJobsRepository) {
    registerBacklogGauge(registry, {
      name: 'gatehouse_mass_invite_jobs_waiting',
      help: 'Mass invites not finished yet across the installation: queued, and running (incl. parsing)',
      label: 'state',
      read: () => jobs.countUnfinished(),
    });
  }
}
