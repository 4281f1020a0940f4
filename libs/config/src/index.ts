export * from './base-env';
export * from './load-env';
export * from './int-setting';
