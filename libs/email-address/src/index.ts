export * from './normalize-email';
