export * from './process-group';
export * from './process-specs';
