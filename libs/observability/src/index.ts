export * from './backlog-gauge';
export * from './health.controller';
export * from './json-logger';
export * from './metrics';
export * from './observability.module';
export * from './process-info';
