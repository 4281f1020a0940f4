export * from './event-spy';
export * from './free-port';
export * from './gatehouse-system';
export * from './http-client';
export * from './import-rows-hooks';
// Starting the compiled processes and the one pollUntil live in scripts/processes (`npm start` uses them
// too, and production tooling imports no test helper); tests import them from here.
export * from '../../../scripts/processes';
export * from './smtp-sink';
export * from './test-env';
export * from './test-namespace';
export * from './test-rpc';
export * from './service-test-bed';
