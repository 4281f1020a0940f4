export * from './account.patterns';
export * from './account.requests';
export * from './account.views';
export * from './invite.events';
export * from './invite.patterns';
export * from './invite.requests';
export * from './invite.views';
