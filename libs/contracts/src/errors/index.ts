/** Every error code that crosses a process boundary, and the DomainError that carries one. */
export * from './domain-error';
export * from './error-codes';
