export * from './event-spy';
export * from './test-env';
export * from './test-namespace';
export * from './test-rpc';
