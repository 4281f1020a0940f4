export * from './inbox';
export * from './outbox-relay';
export * from './outbox-schema';
export * from './outbox-writer';
export * from './definitions-restored';
