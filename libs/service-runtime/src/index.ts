export * from './boot-service';
export * from './graceful-http-shutdown';
