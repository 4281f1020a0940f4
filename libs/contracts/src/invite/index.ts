export * from './account.patterns';
export * from './account.requests';
export * from './account.views';
export * from './invite.events';
