export * from './notification.patterns';
export * from './notification.requests';
export * from './notification.views';
export * from './delivery-stats.views';
