export * from './hub.actions';
export * from './hub.event-payloads';
export * from './hub.patterns';
export * from './hub.requests';
export * from './hub.views';
