export * from './system.patterns';
export * from './system.requests';
export * from './system.topology';
export * from './system.views';
