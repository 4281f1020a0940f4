export * from './worker-loop';
