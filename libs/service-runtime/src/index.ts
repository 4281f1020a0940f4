export * from './boot-service';
export * from './system-health.module';
export * from './graceful-http-shutdown';
export * from './backend-infrastructure';
