export * from './boot-service';
export * from './system-health.module';
