export * from './poll-until';
export * from './process-group';
export * from './process-specs';
