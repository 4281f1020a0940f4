export * from './event-spy';
export * from './free-port';
export * from './gatehouse-system';
export * from './http-client';
// The one pollUntil lives with the processes (`npm start` waits with it too); tests import it from here.
export { PollOptions, pollUntil } from '@gatehouse/processes';
export * from './smtp-sink';
export * from './test-env';
export * from './test-namespace';
export * from './test-rpc';
export * from './service-test-bed';
