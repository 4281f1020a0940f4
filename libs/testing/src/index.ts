export * from './event-spy';
export * from './free-port';
export * from './test-env';
export * from './test-namespace';
export * from './test-rpc';
