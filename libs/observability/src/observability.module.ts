import { DynamicModule, Module, Provider } from '@nestjs/common';
import { HealthController, READINESS_CHECKS, ReadinessCheck } from './health.controller';
import { METRICS_REGISTRY, MessageMetrics, MetricsController, createMetricsRegistry } from './metrics';

/**
 * /health/live, /health/ready and /metrics for one process. `readiness` is a provider (usually a
 * factory injecting the DataSource and the broker connection) that yields the readiness checks.
 */
@Module({})
export class ObservabilityModule {
  static register(service: string, readiness: Omit<Provider<ReadinessCheck[]>, 'provide'> & object): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { ...(readiness as object), provide: READINESS_CHECKS } as Provider,
        { provide: METRICS_REGISTRY, useValue: createMetricsRegistry(service) },
        MessageMetrics,
      ],
      exports: [METRICS_REGISTRY, MessageMetrics],
    };
  }
}
